// The dashboard served the way the App serves it: the App's own router (with
// its bearer/loopback access control), its real JSON report route and HTTP
// server, a real SQLite store holding the seeded facts and config, and the
// dashboard routes mounted beside them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'probot';
import { dashboardRoutes, loadOrgReport, readAppHealth } from '../../app/dashboard/index.ts';
import { openStore } from '../../app/open-store.ts';
import { createRouter, reportRoute } from '../../app/routes/index.ts';
import { startHttpServer } from '../../app/start-http-server.ts';
import { ingestDeliveries } from '../../src/events/index.ts';
import { parseInstant } from '../../src/time/index.ts';
import { SEEDED_CONFIG, SEEDED_NOW, seededDeliveries } from './seeded-report.ts';

export const DASHBOARD_TOKEN = 'dashboard-test-token';

export interface DashboardServer {
  url(path: string): string;
  stop(): Promise<void>;
}

const quiet = { error() {}, info() {}, warn() {}, debug() {} } as unknown as Logger;

export async function startDashboardServer({
  token = DASHBOARD_TOKEN,
}: {
  token?: string | null;
} = {}): Promise<DashboardServer> {
  const now = parseInstant(SEEDED_NOW)!;
  const clock = () => now;
  const dir = mkdtempSync(join(tmpdir(), 'shipwell-dashboard-'));
  const store = await openStore({
    database: { kind: 'sqlite', path: join(dir, 'shipwell.db'), synchronous: 'normal' },
    now,
  });
  const { facts } = ingestDeliveries(seededDeliveries());
  await store.upsertFacts({ facts, now });
  // one delivery processed 30 s before `now`: /metrics shows its age
  const [first] = seededDeliveries();
  await store.recordDelivery({ delivery: first!, receivedAt: now - 60_000, installationId: null });
  await store.claimDeliveries({ worker: 'seed', now: now - 30_000, lease: 60_000, limit: 1 });
  await store.completeDelivery({ id: first!.id, worker: 'seed', facts: [], now: now - 30_000 });
  const reads = {
    reads: [{ name: 'acme/.github/.github/shipwell.yml', role: 'own', text: SEEDED_CONFIG }],
    problem: null,
  };
  await store.saveConfig({ scope: 'acme', value: reads, error: null, readAt: now });
  const router = createRouter({
    token,
    routes: [
      reportRoute({ store, clock }),
      ...dashboardRoutes({
        loadReport: ({ org, now: at }) => loadOrgReport({ store, org, now: at }),
        loadHealth: ({ now: at }) => readAppHealth({ store, now: at }),
        listOrgs: () => store.listOrgs(),
        clock,
      }),
    ],
  });
  const { server, port } = await startHttpServer({ handlers: [router], port: 0, host: '127.0.0.1', log: quiet });
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
