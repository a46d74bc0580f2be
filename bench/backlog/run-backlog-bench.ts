// Acknowledgements while a backlog drains (issue #15): a burst at the highest
// rate the load generator reaches, then a steady 500 deliveries/s with fresh
// ids, against the App on SQLite and on PostgreSQL, beside a fresh App, bare
// Probot and the App as it was before the redesign (BASELINE), all in one run.
// The load generator is its own process at a lower priority (nice 10), so it
// cannot starve the server; every figure says what bounded it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startFakeGitHub } from '../../test/app/fake-github.ts';
import { startPostgres } from '../../test/support/postgres.ts';
import { benchAppEnv } from '../bench-app-env.ts';
import { readQueueHealth } from '../read-queue-health.ts';
import { readRssMb } from '../read-rss.ts';
import { startBenchServer } from '../start-bench-server.ts';
import { stopBenchServer } from '../stop-bench-server.ts';
import type { BenchRow } from '../types.ts';
import { type Fired, fireDeliveries } from './fire-deliveries.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The App before the redesign of its processing (#14–#16): the throughput anchor, run from its own tree. */
export const BASELINE = '67a5254';
const REPOS = 50;

/** The load generator at this bench's spread of repositories. */
function fire(options: Omit<Parameters<typeof fireDeliveries>[0], 'repos'>): Promise<Fired> {
  return fireDeliveries({ ...options, repos: REPOS });
}

interface Phase {
  burst: Fired;
  steady: Fired;
  /** Seconds from the end of the steady phase until every delivery was processed (0 for bare Probot). */
  drainSeconds: number;
  /** Deliveries processed per second, first delivery sent to the last one processed. */
  endToEnd: number;
  /** Seconds from the end of the burst until its last delivery was processed (0 for bare Probot). */
  burstDrainSeconds: number;
  /** The burst's deliveries per second, its first one sent to its last one processed. */
  burstEndToEnd: number;
  /** Server CPU (all threads) per acknowledged delivery, ms. */
  cpuMs: number;
  maxRssMb: number;
  /** Acknowledged deliveries found processed exactly once in the database (null: not counted). */
  processedOnce: number | null;
  /** Deliveries processed more than once (must be 0). */
  processedTwice: number;
}

/**
 * When (performance.now()) no delivery received before `at` (epoch ms) waits
 * any more: `/healthz` polled every 200 ms for its oldest pending delivery (a few
 * queries a second: the baseline answers them on the thread that processes).
 */
async function drainedBefore({ port, at }: { port: number; at: number }): Promise<number> {
  for (;;) {
    const body = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
      queue?: { oldestPendingAt?: string | null };
    };
    const oldest = body.queue?.oldestPendingAt;
    if (oldest === null || oldest === undefined || Date.parse(oldest) > at) return performance.now();
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** One server through the burst, the steady phase and the drain. */
async function backlog({
  root,
  mode,
  databaseUrl,
  env,
  seconds,
  count,
}: {
  root: string;
  mode: 'bare' | 'shipwell';
  databaseUrl?: string;
  env: Record<string, string>;
  seconds: number;
  count?: (url: string) => Promise<{ once: Set<string>; twice: number }>;
}): Promise<Phase> {
  const acked = join(mkdtempSync(join(tmpdir(), 'shipwell-acked-')), 'ids');
  const server = await startBenchServer({
    root,
    script: 'bench/app/serve-app.ts',
    args: databaseUrl ? [mode, databaseUrl] : [mode],
    env,
  });
  let maxRss = 0;
  const sampler = setInterval(() => {
    if (server.child.pid) maxRss = Math.max(maxRss, readRssMb(server.child.pid));
  }, 250);
  try {
    const started = performance.now();
    const burst = await fire({ port: server.port, seconds, first: 0, acked });
    const burstSent = performance.now();
    // watched while the steady phase runs: the burst is processed once nothing received before its end waits
    const burstDrained = mode === 'shipwell' ? drainedBefore({ port: server.port, at: Date.now() }) : null;
    burstDrained?.catch(() => undefined); // awaited below, before the server stops
    const steady = await fire({ port: server.port, seconds, rate: 500, first: burst.next, acked });
    const sent = performance.now();
    if (mode === 'shipwell') {
      for (;;) {
        const { pending } = await readQueueHealth(server.port);
        if (pending === 0) break;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
    const drained = performance.now();
    const burstDone = (await burstDrained) ?? burstSent;
    clearInterval(sampler);
    const cpu = await stopBenchServer(server);
    const acknowledged = burst.ok + steady.ok;
    const counted = count && databaseUrl ? await count(databaseUrl) : null;
    const ids = existsSync(acked) ? readFileSync(acked, 'utf8').split('\n').filter(Boolean) : [];
    return {
      burst,
      steady,
      drainSeconds: (drained - sent) / 1000,
      endToEnd: acknowledged / ((drained - started) / 1000),
      burstDrainSeconds: (burstDone - burstSent) / 1000,
      burstEndToEnd: burst.ok / ((burstDone - started) / 1000),
      cpuMs: cpu / 1000 / acknowledged,
      maxRssMb: maxRss,
      processedOnce: counted ? ids.filter((id) => counted.once.has(id)).length : null,
      processedTwice: counted?.twice ?? 0,
    };
  } finally {
    clearInterval(sampler);
    if (server.child.exitCode === null) await stopBenchServer(server);
  }
}

/** The load generator's CPU as a share of one core, in words. */
function share(fired: Fired): string {
  return `${Math.round(fired.cpuShare * 100)} %`;
}

/** A fresh App at a steady 500/s: the acknowledgement figures without a backlog. */
async function fresh({
  databaseUrl,
  env,
  seconds,
}: {
  databaseUrl: string;
  env: Record<string, string>;
  seconds: number;
}) {
  const server = await startBenchServer({
    root: ROOT,
    script: 'bench/app/serve-app.ts',
    args: ['shipwell', databaseUrl],
    env,
  });
  try {
    await fire({ port: server.port, seconds: 1, rate: 200, first: 0 }); // warm-up
    return await fire({ port: server.port, seconds, rate: 500, first: 10_000_000 });
  } finally {
    await stopBenchServer(server);
  }
}

/** The ids of deliveries processed exactly once, and how many were processed more than once. */
async function countSqlite(url: string): Promise<{ once: Set<string>; twice: number }> {
  const { DatabaseSync } = await import('node:sqlite');
  const db = new DatabaseSync(url.replace(/^sqlite:/, ''));
  try {
    const once = db.prepare("SELECT id FROM deliveries WHERE status = 'processed' AND process_count = 1").all() as {
      id: string;
    }[];
    const twice = db.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE process_count > 1').get() as { n: number };
    return { once: new Set(once.map((row) => row.id)), twice: twice.n };
  } finally {
    db.close();
  }
}

async function countPostgres(url: string): Promise<{ once: Set<string>; twice: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const once = await pool.query("SELECT id FROM deliveries WHERE status = 'processed' AND process_count = 1");
    const twice = await pool.query('SELECT COUNT(*) AS n FROM deliveries WHERE process_count > 1');
    return { once: new Set(once.rows.map((row) => String(row.id))), twice: Number(twice.rows[0].n) };
  } finally {
    await pool.end();
  }
}

/** The baseline commit's tree beside this one, sharing its node_modules (made once, reused). */
function baselineTree(): string {
  const dir = join(tmpdir(), `shipwell-baseline-${BASELINE}`);
  if (!existsSync(join(dir, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git -C ${JSON.stringify(ROOT)} archive ${BASELINE} | tar -x -C ${JSON.stringify(dir)}`]);
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  }
  return dir;
}

export async function runBacklogBench({
  seconds = Number(process.env.SHIPWELL_BENCH_BACKLOG_SECONDS ?? 30),
}: {
  seconds?: number;
} = {}): Promise<BenchRow[]> {
  const github = await startFakeGitHub();
  const env = { ...benchAppEnv(), GHE_HOST: github.host };
  const dir = mkdtempSync(join(tmpdir(), 'shipwell-bench-backlog-'));
  const postgres = await startPostgres();
  const database = async (name: string) => {
    const admin = new pg.Pool({ connectionString: postgres.url, max: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return postgres.url.replace(/\/[^/]*$/, `/${name}`);
  };
  try {
    const bare = await backlog({ root: ROOT, mode: 'bare', env, seconds });
    const rows: BenchRow[] = [
      {
        name: 'bare Probot: burst deliveries/s; steady 500/s p50 / p99',
        value: Math.round(bare.burst.rate),
        unit: '/s',
        note: `anchor, same run; steady p50 ${bare.steady.p50} ms, p99 ${bare.steady.p99} ms (the generator used ${share(bare.steady)} of a core); CPU ${bare.cpuMs.toFixed(2)} ms a delivery; bounded by its one thread`,
      },
    ];
    const old = baselineTree();
    for (const [label, url, count] of [
      ['SQLite', (name: string) => Promise.resolve(`sqlite:${join(dir, `${name}.db`)}`), countSqlite],
      ['PostgreSQL', database, countPostgres],
    ] as const) {
      const freshRun = await fresh({ databaseUrl: await url('fresh'), env, seconds });
      const app = await backlog({
        root: ROOT,
        mode: 'shipwell',
        databaseUrl: await url('backlog'),
        env,
        seconds,
        count,
      });
      const before = await backlog({ root: old, mode: 'shipwell', databaseUrl: await url('baseline'), env, seconds });
      const acknowledged = app.burst.ok + app.steady.ok;
      rows.push(
        {
          name: `App on ${label}, fresh: p50 / p99 at 500/s`,
          value: freshRun.p99,
          unit: 'ms p99',
          target: '< 50 ms',
          ok: freshRun.p99 < 50 && freshRun.failures === 0,
          note: `p50 ${freshRun.p50} ms; ${Math.round(freshRun.rate)}/s achieved; the generator used ${share(freshRun)} of a core`,
        },
        {
          name: `App on ${label}, steady 500/s while the burst drains: p99`,
          value: app.steady.p99,
          unit: 'ms',
          target: '< 50 ms',
          ok: app.steady.p99 < 50 && app.steady.failures === 0,
          note: `${Math.round(app.steady.rate)}/s achieved; max ${app.steady.max} ms; the generator used ${share(app.steady)} of a core`,
        },
        {
          name: `App on ${label}, steady 500/s while the burst drains: p50`,
          value: app.steady.p50,
          unit: 'ms',
          target: '< 10 ms',
          ok: app.steady.p50 < 10,
        },
        {
          name: `App on ${label}: burst acknowledged`,
          value: Math.round(app.burst.rate),
          unit: '/s',
          note: `${app.burst.ok.toLocaleString('en')} in ${seconds} s (${((app.burst.rate / bare.burst.rate) * 100).toFixed(0)} % of bare Probot's burst); p99 ${app.burst.p99} ms`,
        },
        {
          name: `App on ${label}: end to end (the burst, until processed)`,
          value: Math.round(app.burstEndToEnd),
          unit: '/s',
          target: `>= 2x the baseline (${BASELINE}) in this run`,
          ok: app.burstEndToEnd >= 2 * before.burstEndToEnd,
          note: `baseline ${Math.round(before.burstEndToEnd)}/s (${(app.burstEndToEnd / before.burstEndToEnd).toFixed(2)}x); the burst drained ${app.burstDrainSeconds.toFixed(1)} s after it ended (baseline ${before.burstDrainSeconds.toFixed(1)} s); the whole run (burst + steady 500/s, until processed) ${Math.round(app.endToEnd)}/s vs ${Math.round(before.endToEnd)}/s, drained ${app.drainSeconds.toFixed(1)} s after the load (baseline ${before.drainSeconds.toFixed(1)} s)`,
        },
        {
          name: `App on ${label}: processed exactly once`,
          value: app.processedOnce ?? 0,
          unit: 'deliveries',
          target: '= acknowledged, none twice',
          ok: app.processedOnce === acknowledged && app.processedTwice === 0,
          note: `of ${acknowledged.toLocaleString('en')} acknowledged (2xx), each id checked; ${app.processedTwice} processed twice`,
        },
        {
          name: `App on ${label}: server CPU per acknowledged delivery`,
          value: Number(app.cpuMs.toFixed(2)),
          unit: 'ms',
          note: `${(app.cpuMs / bare.cpuMs).toFixed(1)}x bare Probot's ${bare.cpuMs.toFixed(2)} ms (all threads, processing included); baseline ${before.cpuMs.toFixed(2)} ms`,
        },
        {
          name: `App on ${label}: peak resident memory during the run`,
          value: Math.round(app.maxRssMb),
          unit: 'MB',
          note: `the backlog waits on disk, not in the heap; baseline ${Math.round(before.maxRssMb)} MB`,
        },
      );
    }
    return rows;
  } finally {
    await postgres.stop();
    await github.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const row of await runBacklogBench()) console.log(JSON.stringify(row));
}
