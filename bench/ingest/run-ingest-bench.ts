import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startPostgres } from '../../test/support/postgres.ts';
import { benchAppEnv, BENCH_SECRET as SECRET } from '../bench-app-env.ts';
import { type BenchServer, startBenchServer } from '../start-bench-server.ts';
import type { BenchRow } from '../types.ts';

const ROOT = resolve(import.meta.dirname, '../..');

type Server = BenchServer;

async function stopServer({ child }: Server): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

const BODY = JSON.stringify(
  JSON.parse(readFileSync(join(ROOT, 'test/fixtures/webhooks/workflow_run.completed.json'), 'utf8')),
);

/** Signed deliveries, each with a fresh X-GitHub-Delivery, as fast as `connections` allow. */
async function fire({ port, seconds }: { port: number; seconds: number }) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    method: 'POST',
    connections: 32,
    duration: seconds,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'workflow_run',
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`,
    },
    body: BODY,
    requests: [
      {
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'x-github-delivery': randomUUID() } }),
      },
    ],
  });
  return {
    ok: result.requests.total - result.non2xx,
    rate: (result.requests.total - result.non2xx) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    duration: result.duration,
  };
}

async function pending(port: number): Promise<number> {
  const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
    queue?: { pending: number; failed: number };
  };
  return (health.queue?.pending ?? 0) + (health.queue?.failed ?? 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Full load for `seconds`, then until the queue is empty: deliveries processed per second over both. */
async function endToEnd({
  env,
  databaseUrl,
  seconds,
}: {
  env: Record<string, string>;
  databaseUrl: string;
  seconds: number;
}) {
  const server = await startBenchServer({
    root: ROOT,
    script: 'bench/app/serve-app.ts',
    args: ['shipwell', databaseUrl],
    env,
  });
  try {
    const started = performance.now();
    const load = await fire({ port: server.port, seconds });
    const sent = performance.now();
    const backlog = await pending(server.port);
    while ((await pending(server.port)) > 0) await new Promise((done) => setTimeout(done, 100));
    const drained = performance.now();
    return {
      acknowledged: load.ok,
      ackRate: load.rate,
      backlog,
      drainSeconds: (drained - sent) / 1000,
      rate: load.ok / ((drained - started) / 1000),
      failures: load.failures,
    };
  } finally {
    await stopServer(server);
  }
}

export async function runIngestBench({
  seconds = Number(process.env.SHIPWELL_BENCH_SUSTAIN_SECONDS ?? 60),
  anchorSeconds = 4,
  rounds = 3,
}: {
  seconds?: number;
  anchorSeconds?: number;
  rounds?: number;
} = {}): Promise<BenchRow[]> {
  const env = benchAppEnv();
  const anchors = { raw: [] as number[], bare: [] as number[], rawP99: [] as number[], bareP99: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const [key, script, args] of [
      ['raw', 'bench/ingest/serve-raw-hmac.ts', []],
      ['bare', 'bench/app/serve-app.ts', ['bare']],
    ] as const) {
      const server = await startBenchServer({ root: ROOT, script, args: [...args], env });
      try {
        await fire({ port: server.port, seconds: 1 }); // warm-up
        const load = await fire({ port: server.port, seconds: anchorSeconds });
        anchors[key].push(load.rate);
        anchors[key === 'raw' ? 'rawP99' : 'bareP99'].push(load.p99);
      } finally {
        await stopServer(server);
      }
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'shipwell-bench-ingest-'));
  const postgres = await startPostgres();
  try {
    const sqlite = await endToEnd({ env, databaseUrl: `sqlite:${join(dir, 'e2e.db')}`, seconds });
    const admin = new pg.Pool({ connectionString: postgres.url, max: 1 });
    await admin.query('CREATE DATABASE e2e');
    await admin.end();
    const pgRun = await endToEnd({ env, databaseUrl: postgres.url.replace(/\/[^/]*$/, '/e2e'), seconds });
    const raw = median(anchors.raw);
    const bare = median(anchors.bare);
    const describe = (run: typeof sqlite) =>
      `${run.acknowledged.toLocaleString('en')} acknowledged at ${Math.round(run.ackRate)}/s over ${seconds} s; backlog ${run.backlog.toLocaleString('en')} drained in ${run.drainSeconds.toFixed(1)} s${run.failures ? `; ${run.failures} failed requests` : ''}`;
    return [
      {
        name: 'raw node:http, HMAC check only (ceiling): deliveries/s',
        value: Math.round(raw),
        unit: '/s',
        note: `anchor, same run; p99 ${median(anchors.rawP99)} ms; median of ${rounds} rounds of ${anchorSeconds} s`,
      },
      {
        name: 'bare Probot (no handlers): deliveries/s',
        value: Math.round(bare),
        unit: '/s',
        note: `anchor, same run; ${((bare / raw) * 100).toFixed(0)} % of the raw ceiling; p99 ${median(anchors.bareP99)} ms`,
      },
      {
        name: `App on SQLite, end to end (stored, normalized, facts committed), ${seconds} s + drain`,
        value: Math.round(sqlite.rate),
        unit: '/s',
        target: '>= 5,000/s',
        ok: sqlite.rate >= 5_000 && sqlite.failures === 0,
        note: `${describe(sqlite)}${
          sqlite.rate < 5_000
            ? `. What dominates: acknowledging — bare Probot alone (signature check and routing, no storage) answers ${Math.round(bare).toLocaleString('en')}/s on this machine and the HMAC check alone ${Math.round(raw).toLocaleString('en')}/s, so 5,000/s end to end cannot be reached here; the App reaches ${((sqlite.ackRate / bare) * 100).toFixed(0)} % of bare Probot while also storing (group commit) and processing (answers first: while a backlog builds processing takes a tenth of the time, and the backlog left at the end of the load drains in ${sqlite.drainSeconds.toFixed(1)} s)`
            : ''
        }`,
      },
      {
        name: `App on PostgreSQL, end to end, ${seconds} s + drain`,
        value: Math.round(pgRun.rate),
        unit: '/s',
        target: '>= half of SQLite',
        ok: pgRun.rate >= sqlite.rate / 2 && pgRun.failures === 0,
        note: describe(pgRun),
      },
    ];
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const row of await runIngestBench()) console.log(JSON.stringify(row));
}
