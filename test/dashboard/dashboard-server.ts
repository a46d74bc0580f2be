// The dashboard served the way the App serves it: the App's own router (with
// its bearer/loopback access control), its real JSON report route and HTTP
// server, a real SQLite store holding the seeded facts and config, and the
// dashboard routes mounted beside them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'probot';
import { createReportSource, dashboardRoutes, readAppHealth } from '../../app/dashboard/index.ts';
import { openStore } from '../../app/open-store.ts';
import { createRouter, deliveriesJsonlRoute, reportRoute } from '../../app/routes/index.ts';
import { startHttpServer } from '../../app/start-http-server.ts';
import { ingestDeliveries, locateDelivery } from '../../src/events/index.ts';
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
  await store.transaction(async (tx) => {
    await tx.facts.write({ facts });
    await tx.evaluations.request({ repos: [...new Set(facts.map((f) => f.repo))], now });
  });
  // one delivery processed 30 s before `now`: /metrics shows its age
  const [first] = seededDeliveries();
  await store.inbox.record({
    id: first!.id,
    name: first!.name,
    at: new Date(now - 60_000).toISOString(),
    payloadText: JSON.stringify(first!.payload),
    receivedAt: now - 60_000,
  });
  await store.deliveries.claim({ worker: 'seed', now: now - 30_000, lease: 60_000, limit: 1 });
  await store.deliveries.complete({
    worker: 'seed',
    now: now - 30_000,
    deliveries: [{ id: first!.id, location: locateDelivery(first!.payload) }],
  });
  const reads = {
    reads: [{ name: 'acme/.github/.github/shipwell.yml', role: 'own', text: SEEDED_CONFIG }],
    problem: null,
  };
  await store.configs.save({ scope: 'acme', value: reads, error: null, readAt: now });
  const reports = createReportSource({ store });
  const router = createRouter({
    token,
    routes: [
      reportRoute({ source: reports, clock, listOrgs: () => store.repos.orgs() }),
      deliveriesJsonlRoute({ source: reports, listOrgs: () => store.repos.orgs() }),
      ...dashboardRoutes({
        loadReport: ({ org, now: at }) => reports.report({ org, now: at }),
        renderReport: (input) => reports.render(input),
        loadHealth: ({ now: at }) => readAppHealth({ store, now: at }),
        listOrgs: () => store.repos.orgs(),
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
