// The fault scenario of issue #7, against the real server and a real
// PostgreSQL on loopback: 10,000 signed deliveries (9,000 distinct, 1,000
// sent twice) in shuffled order, from 8 concurrent senders playing GitHub;
// the App is killed with SIGKILL twice mid-stream and restarted on the same
// database, and PostgreSQL is stopped for 30 s in the middle. GitHub records
// every delivery the App did not acknowledge (refused with 5xx during the
// outage, or cut off by a kill) in its delivery log, and redelivers one when
// the App asks (`GET /app/hook/deliveries`, `POST …/{id}/attempts`, played by
// the fake). Afterwards:
// - every delivery sent was acknowledged at last, the refused ones through
//   the redelivery path;
// - every stored delivery was processed exactly once (process_count 1), and
//   the facts stored are exactly the normalization of each, once;
// - the App's report equals `shipwell kpis` computed offline from the same
//   deliveries (the App's JSONL export, which is checked to be exactly the
//   deliveries sent).
//
// While PostgreSQL is down the senders slow to a trickle (one delivery every
// two seconds) and a sender whose delivery failed waits a second: GitHub's
// redelivery requests are writes, which Probot's Octokit throttles to one a
// second, so every refusal costs the test a second of wall time.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fact, normalizeDelivery, type WebhookDelivery } from '../../src/events/index.ts';
import { factContentKey } from '../../src/kpi/index.ts';
import { createFactLog } from '../../src/store/create-fact-log.ts';
import { appEnv, SECRET, waitFor } from '../app/app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from '../app/fake-github.ts';
import { sendDelivery } from '../app/signed-delivery.ts';
import {
  coverageReported,
  deploymentSucceeded,
  releasePublished,
  sha,
  workflowRunCompleted,
} from '../kpi/deliveries.ts';
import { keptFacts } from '../store/kept-facts.ts';
import { type PostgresServer, startPostgres } from '../support/postgres.ts';
import { type AppProcess, spawnApp, stopApp } from './spawn-app.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const ORG = 'acme';
const REPOS = 30;
const DISTINCT = 9_000;
const DUPLICATES = 1_000;
const SENDERS = 8;
const OUTAGE_MS = 30_000;
const NOW = '2026-06-01T00:00:00.000Z';
const DAY = 86_400_000;

/** 9,000 realistic deliveries of one org: per repo releases, their coverage, CI runs and deployments. */
function buildDeliveries(): WebhookDelivery[] {
  const all: WebhookDelivery[] = [];
  const start = Date.parse('2026-01-05T10:00:00Z');
  const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
  for (let r = 0; all.length < DISTINCT; r = (r + 1) % REPOS) {
    const repo = `${ORG}/svc-${r}`;
    const i = Math.floor(all.length / (REPOS * 5));
    const tag = `v1.${i}.0`;
    const commit = sha(`${repo}@${tag}`);
    const at = start + i * 2 * DAY + r * 60_000;
    all.push(
      releasePublished({ repo, tag, publishedAt: iso(at), commit }),
      coverageReported({
        repo,
        commit,
        covered: 70 + ((i * 7 + r) % 30),
        total: 100,
        completedAt: iso(at - 1_800_000),
      }),
      workflowRunCompleted({
        repo,
        runId: 1_000_000 + all.length,
        name: i % 9 === 0 ? 'Deploy' : 'CI',
        event: i % 9 === 0 ? 'workflow_dispatch' : 'push',
        commit,
        startedAt: iso(at + 600_000),
        attempt: 1 + (i % 3 === 0 ? 1 : 0),
      }),
      deploymentSucceeded({
        repo,
        deploymentId: 2_000_000 + all.length,
        commit,
        createdAt: iso(at + 1_200_000),
        succeededAt: iso(at + 1_500_000),
      }),
      deploymentSucceeded({
        repo,
        deploymentId: 3_000_000 + all.length,
        // every seventh release is followed by a redeploy of the one before: a rollback
        commit: i % 7 === 6 ? sha(`${repo}@v1.${i - 1}.0`) : commit,
        createdAt: iso(at + DAY),
        succeededAt: iso(at + DAY + 240_000),
      }),
    );
  }
  const deliveries = all.slice(0, DISTINCT);
  // no installation: the App stores and processes them; nothing to publish
  for (const d of deliveries) delete (d.payload as Record<string, unknown>).installation;
  return deliveries;
}

/** A seeded shuffle (mulberry32): the same order on every run. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let github: FakeGitHub;
let postgres: PostgresServer;
let dir: string;
const apps: AppProcess[] = [];

beforeAll(async () => {
  github = await startFakeGitHub();
  postgres = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), 'shipwell-outage-'));
});
afterAll(async () => {
  for (const app of apps) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
  await github?.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('10,000 deliveries, two SIGKILLs and a 30 s PostgreSQL outage', () => {
  it('processes every acknowledged delivery exactly once, recovers the refused ones by redelivery, and reports as the CLI does', async () => {
    const admin = new pg.Pool({ connectionString: postgres.url, max: 1 });
    await admin.query('CREATE DATABASE outage');
    await admin.end();
    const databaseUrl = postgres.url.replace(/\/[^/]*$/, '/outage');
    const env = {
      ...appEnv({ github, databaseUrl, token: null }),
      LOG_LEVEL: 'warn',
      SHIPWELL_TEST_REDELIVERY_MS: '2000',
    };
    const start = async () => {
      const app = await spawnApp({ env, entry: 'test/faults/serve-app.ts' });
      apps.push(app);
      return app;
    };

    const distinct = buildDeliveries();
    const byId = new Map(distinct.map((d) => [d.id, d]));
    const stream = shuffle([...distinct, ...shuffle(distinct, 2).slice(0, DUPLICATES)], 1);
    expect(stream).toHaveLength(DISTINCT + DUPLICATES);

    let app = await start();
    const acknowledged = new Set<string>();
    let acknowledgements = 0;
    const refused = new Set<string>();
    const redelivered: string[] = [];
    let hookId = 1;
    let trickle = false;

    /** GitHub's side of one delivery attempt: the answer, or a failure in its delivery log. */
    const deliver = async (d: WebhookDelivery): Promise<void> => {
      let status = 0;
      try {
        const url = `http://127.0.0.1:${app.port}/api/github/webhooks`;
        const response = await sendDelivery({ url, id: d.id, name: d.name, payload: d.payload, secret: SECRET });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = 502; // connection refused or cut: GitHub logs a failed delivery
      }
      if (status >= 200 && status < 300) {
        acknowledged.add(d.id);
        acknowledgements++;
        return;
      }
      refused.add(d.id);
      github.hookDeliveries.unshift({
        id: hookId++,
        guid: d.id,
        delivered_at: new Date().toISOString(),
        status_code: status,
        event: d.name,
      });
      await sleep(1_000);
    };
    // a redelivery request is answered by delivering that delivery again
    github.intercept = ({ method, path }) => {
      const asked = method === 'POST' ? /^\/app\/hook\/deliveries\/(\d+)\/attempts$/.exec(path) : null;
      const hook = asked ? github.hookDeliveries.find((h) => h.id === Number(asked[1])) : undefined;
      if (hook) {
        redelivered.push(hook.guid);
        void deliver(byId.get(hook.guid)!);
      }
      return undefined;
    };

    let next = 0;
    /** The senders, until `stop()` or the stream is sent. */
    const send = (stop: () => boolean) =>
      Promise.all(
        Array.from({ length: SENDERS }, async (_, sender) => {
          while (next < stream.length && !stop()) {
            if (trickle && sender !== 0) {
              await sleep(100);
              continue;
            }
            await deliver(stream[next++]!);
            if (trickle) await sleep(2_000);
          }
        }),
      );
    const killAndRestart = async () => {
      const dying = app;
      dying.child.kill('SIGKILL');
      await dying.exited();
      expect(dying.child.signalCode).toBe('SIGKILL');
      app = await start();
    };
    // A refused delivery is recovered once the App has it: redelivered and acknowledged, or
    // stored although its answer was lost (killed after the commit, before the reply) —
    // then the App does not ask for it (it asks only for what it does not have).
    const db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    db.on('error', () => undefined);
    const allRefusedRecovered = async () => {
      const missing = [...refused].filter((id) => !acknowledged.has(id));
      if (missing.length === 0) return true;
      try {
        const rows = await db.query<{ id: string }>('SELECT id FROM deliveries WHERE id = ANY($1)', [missing]);
        return rows.rows.length === missing.length;
      } catch {
        return false; // PostgreSQL still coming back
      }
    };

    // 1. SIGKILL mid-stream, the senders still sending
    let killed = false;
    const kill1 = send(() => acknowledgements >= 6_000);
    await waitFor('2,000 acknowledgements', () => acknowledgements >= 2_000, 120_000);
    await killAndRestart();
    killed = true;
    // GitHub's redeliveries of what the kill cut off, before the outage (a redelivery failing in
    // the outage is asked for again once GitHub logs that failure, at least a minute later)
    await waitFor('redelivery of the deliveries the first kill cut off', allRefusedRecovered, 120_000);
    // 2. PostgreSQL stopped for 30 s in the middle, senders trickling
    await waitFor('4,000 acknowledgements', () => acknowledgements >= 4_000, 120_000);
    trickle = true;
    await postgres.pause!();
    await sleep(OUTAGE_MS);
    await postgres.resume!();
    trickle = false;
    await kill1;
    expect(killed).toBe(true);
    // GitHub's redeliveries of what was refused so far (one request a second), before the next kill
    await waitFor('redelivery of the deliveries refused so far', allRefusedRecovered, 240_000);
    // 3. the second SIGKILL mid-stream, then the rest of the stream
    const rest = send(() => false);
    await waitFor('7,500 acknowledgements', () => acknowledgements >= 7_500, 120_000);
    await killAndRestart();
    await rest;
    await waitFor('redelivery of every refused delivery', allRefusedRecovered, 240_000);
    github.intercept = undefined;

    // deliveries were refused (outage, kills), the App asked GitHub for them again, and
    // each one redelivered was acknowledged; only refused deliveries were asked for
    console.log(
      `outage scenario: ${acknowledgements} acknowledgements, ${refused.size} deliveries refused, ${redelivered.length} redelivered on the App's request`,
    );
    expect(refused.size).toBeGreaterThan(0);
    expect(redelivered.length).toBeGreaterThan(0);
    const storedIds = new Set(
      (await db.query<{ id: string }>('SELECT id FROM deliveries WHERE id = ANY($1)', [redelivered])).rows.map(
        (row) => row.id,
      ),
    );
    for (const id of redelivered) {
      expect(refused.has(id), id).toBe(true);
      // acknowledged, or stored with its answer lost to a kill (the App then asks no more)
      expect(acknowledged.has(id) || storedIds.has(id), id).toBe(true);
    }

    const health = `http://127.0.0.1:${app.port}/healthz`;
    await waitFor(
      'the queue to drain (claims of a killed process expire after their lease)',
      async () => {
        const body = (await (await fetch(health)).json()) as { queue: { pending: number; failed: number } };
        return body.queue.pending === 0 && body.queue.failed === 0;
      },
      240_000,
    );

    // exactly once: every delivery sent is stored and processed once; the facts are each one's normalization, once
    try {
      const rows = (
        await db.query<{ id: string; status: string; process_count: number }>(
          'SELECT id, status, process_count FROM deliveries',
        )
      ).rows;
      expect(rows).toHaveLength(DISTINCT);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(byId.keys()));
      const notOnce = rows.filter((r) => r.status !== 'processed' || Number(r.process_count) !== 1);
      expect(notOnce).toEqual([]);
      // read as the App reads them: each content once with its least and greatest origin (keptFacts)
      const log = createFactLog({
        q: { query: async (sql, params) => (await db.query(sql, params as unknown[])).rows },
        dialect: 'postgres',
      });
      const key = (f: Fact) => `${factContentKey(f)} ${f.origin}`;
      const stored = (await log.read({ org: ORG })).map(key);
      // the stored deliveries as the App exports them (id, name, payload, received at)
      const exported = await (
        await fetch(`http://127.0.0.1:${app.dashboardPort}/shipwell/api/deliveries.jsonl?org=${ORG}`)
      ).text();
      const expected = exported
        .trimEnd()
        .split('\n')
        .flatMap((line) => normalizeDelivery(JSON.parse(line) as WebhookDelivery).facts ?? []);
      expect(stored.sort()).toEqual(keptFacts(expected).map(key).sort());
    } finally {
      await db.end();
    }

    // the App's report equals the offline report of the same deliveries
    const base = `http://127.0.0.1:${app.dashboardPort}/shipwell/api`;
    const exported = await (await fetch(`${base}/deliveries.jsonl?org=${ORG}`)).text();
    const lines = exported.trimEnd().split('\n');
    expect(lines).toHaveLength(DISTINCT);
    for (const line of lines) {
      const { id, name, payload } = JSON.parse(line) as WebhookDelivery;
      expect({ id, name, payload }).toEqual({ id, name: byId.get(id)?.name, payload: byId.get(id)?.payload });
    }
    const file = join(dir, 'deliveries.jsonl');
    writeFileSync(file, exported);
    const appReport = await (await fetch(`${base}/report?org=${ORG}&now=${NOW}`)).json();
    const cli = await promisify(execFile)(
      process.execPath,
      ['cli/index.ts', 'kpis', '--deliveries', file, '--now', NOW, '--format', 'json'],
      { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
    );
    const offline = JSON.parse(cli.stdout) as { releases?: unknown[] };
    expect(appReport).toEqual(offline);
    // a report with substance: hundreds of releases within the shown periods
    expect((offline.releases ?? []).length).toBeGreaterThan(REPOS * 20);
    await stopApp(app);
  }, 900_000);
});
