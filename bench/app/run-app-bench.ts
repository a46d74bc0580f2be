import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startPostgres } from '../../test/support/postgres.ts';
import { benchAppEnv, BENCH_SECRET as SECRET } from '../bench-app-env.ts';
import { startBenchServer } from '../start-bench-server.ts';
import { stopBenchServer } from '../stop-bench-server.ts';
import type { BenchRow } from '../types.ts';

const ROOT = resolve(import.meta.dirname, '../..');

interface Load {
  rate: number;
  p50: number;
  p99: number;
  failures: number;
  sent: number;
}

/** Waits until the App has processed everything it stored (its /healthz queue is empty). */
async function drained(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { queue?: { pending: number } };
    if ((health.queue?.pending ?? 0) === 0) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Fires signed deliveries at the webhook path: as fast as possible, or at `rate` per second. */
async function fire({ port, seconds, rate }: { port: number; seconds: number; rate?: number }): Promise<Load> {
  const body = readFileSync(join(ROOT, 'test/fixtures/webhooks/workflow_run.completed.json'), 'utf8');
  const compact = JSON.stringify(JSON.parse(body));
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    method: 'POST',
    connections: rate ? 20 : 32,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'workflow_run',
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(compact).digest('hex')}`,
    },
    body: compact,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'x-github-delivery': randomUUID() },
        }),
      },
    ],
  });
  return {
    sent: result.requests.total,
    rate: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

interface Measured {
  max: Load;
  at500: Load;
  /** Server CPU per delivery (µs), every thread, processing included. */
  cpuPerDelivery: number;
  /** The PostgreSQL server's CPU per delivery (µs; 0 without it). */
  databaseCpuPerDelivery: number;
}

/** CPU time (µs) used so far by the live processes of user `postgres` (the benchmark's server and its backends). */
function postgresCpu(): number {
  const uid = /^postgres:[^:]*:(\d+):/m.exec(readFileSync('/etc/passwd', 'utf8'))?.[1];
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] !== uid) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // the process ended meanwhile
    }
  }
  return (ticks / 100) * 1e6; // USER_HZ is 100 on Linux
}

async function measure(args: string[], env: Record<string, string>, seconds: number): Promise<Measured> {
  const server = await startBenchServer({ root: ROOT, script: 'bench/app/serve-app.ts', args, env });
  let sent = 0;
  let cpu = Number.NaN;
  const postgres = args[1]?.startsWith('postgres');
  try {
    sent += (await fire({ port: server.port, seconds: 1 })).sent; // warm-up
    const databaseBefore = postgres ? postgresCpu() : 0;
    const max = await fire({ port: server.port, seconds });
    const at500 = await fire({ port: server.port, seconds, rate: 500 });
    const databaseCpu = postgres ? postgresCpu() - databaseBefore : 0;
    sent += max.sent + at500.sent;
    if (args[0] === 'shipwell') await drained(server.port);
    cpu = await stopBenchServer(server);
    return { max, at500, cpuPerDelivery: cpu / sent, databaseCpuPerDelivery: databaseCpu / (max.sent + at500.sent) };
  } finally {
    if (server.child.exitCode === null) await stopBenchServer(server);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Medians over rounds; failures summed. */
function summarize(runs: Measured[]): Measured {
  const of = (pick: (run: Measured) => Load): Load => ({
    rate: median(runs.map((r) => pick(r).rate)),
    p50: median(runs.map((r) => pick(r).p50)),
    p99: median(runs.map((r) => pick(r).p99)),
    failures: runs.reduce((sum, r) => sum + pick(r).failures, 0),
    sent: runs.reduce((sum, r) => sum + pick(r).sent, 0),
  });
  return {
    max: of((r) => r.max),
    at500: of((r) => r.at500),
    cpuPerDelivery: median(runs.map((r) => r.cpuPerDelivery)),
    databaseCpuPerDelivery: median(runs.map((r) => r.databaseCpuPerDelivery)),
  };
}

/**
 * Bare Probot vs the App on SQLite and PostgreSQL (the App processing what
 * it stores as it would in production): deliveries/s at full load
 * (target ≥ 70 % of bare Probot's), p50/p99 at 500 deliveries/s (target p99
 * < 50 ms). Needs Debian's `postgresql` for the PostgreSQL rows.
 */
export async function runAppBench({
  seconds = 4,
  rounds = 3,
}: {
  seconds?: number;
  rounds?: number;
} = {}): Promise<BenchRow[]> {
  const env = benchAppEnv();
  const dir = mkdtempSync(join(tmpdir(), 'shipwell-bench-app-'));
  const postgres = await startPostgres();
  try {
    const runs: Record<'bare' | 'sqlite' | 'ingest' | 'pg', Measured[]> = { bare: [], sqlite: [], ingest: [], pg: [] };
    // interleaved rounds, medians: a busy machine slows every server alike
    for (let round = 0; round < rounds; round++) {
      runs.bare.push(await measure(['bare'], env, seconds));
      runs.sqlite.push(await measure(['shipwell', `sqlite:${join(dir, `bench-${round}.db`)}`], env, seconds));
      runs.ingest.push(await measure(['ingest', `sqlite:${join(dir, `ingest-${round}.db`)}`], env, seconds));
      const database = `round${round}`;
      const admin = new pg.Pool({ connectionString: postgres.url, max: 1 });
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      runs.pg.push(await measure(['shipwell', postgres.url.replace(/\/[^/]*$/, `/${database}`)], env, seconds));
    }
    const bare = summarize(runs.bare);
    const ingest = summarize(runs.ingest);
    const sqlite = summarize(runs.sqlite);
    const pgLoad = summarize(runs.pg);
    const rows: BenchRow[] = [
      {
        name: 'bare Probot (no handlers): deliveries/s',
        value: Math.round(bare.max.rate),
        unit: '/s',
        note: `anchor, same run; medians of ${rounds} interleaved rounds of ${seconds} s`,
      },
      { name: 'bare Probot p99 at 500/s', value: bare.at500.p99, unit: 'ms' },
      { name: 'bare Probot CPU per delivery', value: Math.round(bare.cpuPerDelivery), unit: 'µs' },
      {
        name: 'App on SQLite, answering path only (worker off): deliveries/s',
        value: Math.round(ingest.max.rate),
        unit: '/s',
        note: `${((ingest.max.rate / bare.max.rate) * 100).toFixed(0)} % of bare Probot; p99 at 500/s ${ingest.at500.p99} ms`,
      },
    ];
    for (const [label, load] of [
      ['SQLite', sqlite],
      ['PostgreSQL', pgLoad],
    ] as const) {
      const share = (load.max.rate / bare.max.rate) * 100;
      // Profiled: the webhook path costs about what bare Probot's does (no parse, no context) plus
      // storing (~100 µs: payload and queue row, group commit); the rest of the CPU is processing,
      // which yields to answers while a backlog builds, and on PostgreSQL the server itself.
      const dominates =
        label === 'SQLite'
          ? 'what dominates: storing before 2xx (~100 µs a delivery: payload and queue row, group commit) and processing on the same 2 cores as the load generator'
          : `what dominates: the PostgreSQL server on the same 2 cores (${Math.round(load.databaseCpuPerDelivery)} µs of its CPU a delivery: receiving and compressing each 17 KB payload), beside the load generator`;
      rows.push(
        {
          name: `App on ${label}: deliveries/s (stored before 2xx)`,
          value: Math.round(load.max.rate),
          unit: '/s',
          target: '>= 70 % of bare Probot',
          ok: share >= 70 && load.max.failures === 0,
          note: `${share.toFixed(0)} % of bare Probot${load.max.failures ? `; ${load.max.failures} failed requests` : ''}${share >= 70 ? '' : `; ${dominates}`}`,
        },
        { name: `App on ${label}: p50 at 500/s`, value: load.at500.p50, unit: 'ms' },
        ...(label === 'PostgreSQL'
          ? [
              {
                name: 'PostgreSQL server: CPU per delivery',
                value: Math.round(load.databaseCpuPerDelivery),
                unit: 'µs',
                note: 'its processes (not the App), during the full-load and 500/s runs',
              },
            ]
          : []),
        {
          name: `App on ${label}: CPU per delivery, processing included`,
          value: Math.round(load.cpuPerDelivery),
          unit: 'µs',
          note: `${(load.cpuPerDelivery / bare.cpuPerDelivery).toFixed(1)}× bare Probot's (all threads)`,
        },
        {
          name: `App on ${label}: p99 at 500/s`,
          value: load.at500.p99,
          unit: 'ms',
          target: '< 50 ms',
          ok: load.at500.p99 < 50 && load.at500.failures === 0,
          note: `${Math.round(load.at500.rate)}/s achieved${load.at500.failures ? `; ${load.at500.failures} failed requests` : ''}${load.at500.p99 < 50 ? '' : `; ${dominates}`}`,
        },
      );
    }
    return rows;
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const row of await runAppBench()) console.log(JSON.stringify(row));
}
