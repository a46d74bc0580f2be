// Processing independent of history (issue #16): the App processing the same
// kind of deliveries for a repository with no stored facts, 100,000 and
// 1,000,000 (a year of one busy repository), on SQLite and on PostgreSQL; the
// org report's latency with that history; and acknowledgements at 500/s
// while reports are being read. The empty repository is the anchor, measured
// in the same run. Processing is timed on a queue filled while the worker was
// off (the door acknowledging them is out of the figure: how many it
// acknowledges in a run is not processing), three times, the median kept;
// the drains of the three stores are taken in turn, so that a slower stretch
// of the machine slows every size alike.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { openStore } from '../../app/open-store.ts';
import { parseDatabaseUrl } from '../../src/store/index.ts';
import { startFakeGitHub } from '../../test/app/fake-github.ts';
import { startPostgres } from '../../test/support/postgres.ts';
import { fireDeliveries } from '../backlog/fire-deliveries.ts';
import { benchAppEnv } from '../bench-app-env.ts';
import { readQueueHealth } from '../read-queue-health.ts';
import { readRssMb } from '../read-rss.ts';
import { type BenchServer, startBenchServer } from '../start-bench-server.ts';
import { stopBenchServer } from '../stop-bench-server.ts';
import type { BenchRow } from '../types.ts';
import { oneRepoHistory } from './one-repo-history.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DAY = 86_400_000;
/** workflowRunPayloads({ repos: 1 }) sends runs of this repository. */
const REPO = 'Codertocat/repo-0';
const ORG = 'Codertocat';
const TOKEN = 'history-bench-token-0123456789abcdef0123456789';

interface Seeded {
  seconds: number;
  factRows: number;
  bytes: number;
}

/** Writes `count` facts of REPO ending at `end` the way processing writes them, and asks for one full evaluation. */
async function seed({ url, count, end }: { url: string; count: number; end: number }): Promise<Seeded> {
  const started = performance.now();
  const store = await openStore({ database: parseDatabaseUrl({ url }), now: end });
  try {
    await store.repos.register({ repos: [{ repo: REPO, installationId: 1 }], now: end });
    for (const facts of count === 0 ? [] : oneRepoHistory({ repo: REPO, count, end })) {
      await store.transaction((tx) => tx.facts.write({ facts }));
    }
    // the App evaluates the seeded history once at start, before anything is measured
    if (count > 0) await store.evaluations.request({ repos: [REPO], now: end });
  } finally {
    await store.close();
  }
  // the change log of a million facts is one "read everything" for the App's first evaluation
  let factRows: number;
  let bytes: number;
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    const db = new DatabaseSync(file);
    try {
      db.exec('DELETE FROM fact_changes');
      if (count > 0) db.prepare("INSERT INTO fact_changes (repo, grp) VALUES (?, '*')").run(REPO);
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      factRows = Number((db.prepare('SELECT COUNT(*) AS n FROM fact_rows').get() as { n: number }).n);
    } finally {
      db.close();
    }
    bytes = statSync(file).size;
  } else {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await pool.query('DELETE FROM fact_changes');
      if (count > 0) await pool.query("INSERT INTO fact_changes (repo, grp) VALUES ($1, '*')", [REPO]);
      await pool.query('VACUUM ANALYZE');
      factRows = Number((await pool.query('SELECT COUNT(*) AS n FROM fact_rows')).rows[0].n);
      bytes = Number((await pool.query('SELECT pg_database_size(current_database()) AS n')).rows[0].n);
    } finally {
      await pool.end();
    }
  }
  return { seconds: (performance.now() - started) / 1000, factRows, bytes };
}

async function settled(port: number): Promise<void> {
  for (;;) {
    const { pending, dirtyRepos } = await readQueueHealth(port);
    if (pending === 0 && dirtyRepos === 0) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Reads the org report (or the dashboard page); resolves with how long it took to the last byte (ms). */
async function readReport(port: number, path = `/shipwell/api/report?org=${ORG}`): Promise<number> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  if (response.status !== 200) throw new Error(`report answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  return performance.now() - started;
}

/** Reads the org report back to back (bench/history/read-reports.ts, at nice 10) until stopped; resolves with how many. */
function readReportsMeanwhile({ port }: { port: number }): { stop(): Promise<number> } {
  const child = spawn(
    'nice',
    [
      '-n',
      '10',
      process.execPath,
      join(ROOT, 'bench/history/read-reports.ts'),
      JSON.stringify({ url: `http://127.0.0.1:${port}/shipwell/api/report?org=${ORG}`, token: TOKEN }),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  return {
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`the report reader exited ${code}`);
      return (JSON.parse(out) as { count: number }).count;
    },
  };
}

interface Measured {
  seeded: Seeded;
  /** Seconds the App took to evaluate the seeded history once at start. */
  firstEvaluation: number;
  /** Peak RSS while the whole seeded history was evaluated once at start. */
  firstRssMb: number;
  /** Per drain: deliveries processed per second, from the App's start with them waiting until all processed. */
  rates: number[];
  /** Deliveries waiting at each drain's start. */
  waiting: number[];
  reportMs: number[];
  /** The dashboard page (GET /shipwell?org=…), read after each report. */
  dashboardMs: number[];
  ackP50: number;
  ackP99: number;
  /** The steady phase's load generator CPU, as a share of one core. */
  generatorShare: number;
  reportsDuringAcks: number;
  /** Peak RSS of the App after the first evaluation: the drains' re-evaluations, the reports, the steady load. */
  maxRssMb: number;
}

/** How many times each repository's queue is filled and drained; the median drain is the figure. */
const DRAINS = 3;

/** Runs `work` against the App started in `mode` on `url`, then stops it; with the App's peak RSS meanwhile. */
async function withApp<T>(
  { url, env, mode }: { url: string; env: Record<string, string>; mode: 'shipwell' | 'ingest' },
  work: (server: BenchServer) => Promise<T>,
): Promise<{ result: T; rssMb: number }> {
  const server = await startBenchServer({ root: ROOT, script: 'bench/app/serve-app.ts', args: [mode, url], env });
  let rssMb = 0;
  const sampler = setInterval(() => {
    if (server.child.pid) rssMb = Math.max(rssMb, readRssMb(server.child.pid));
  }, 250);
  try {
    return { result: await work(server), rssMb };
  } finally {
    clearInterval(sampler);
    await stopBenchServer(server);
  }
}

/**
 * One store of each size, measured side by side: each seeded and evaluated
 * whole once; then the drains, one of each store in turn, so that whatever
 * else slows the machine for a while slows every size alike; then each
 * store's reports and acknowledgements.
 */
async function measureAll({
  stores,
  end,
  env,
  seconds,
  fillSeconds,
}: {
  stores: { url: string; count: number }[];
  end: number;
  env: Record<string, string>;
  seconds: number;
  fillSeconds: number;
}): Promise<Measured[]> {
  const prepared = [];
  for (const { url, count } of stores) {
    const seeded = await seed({ url, count, end });
    const started = performance.now();
    // the first evaluation reads the whole history once; what follows re-evaluates from changes
    const first = await withApp({ url, env, mode: 'shipwell' }, async (server) => {
      await settled(server.port);
      return (performance.now() - started) / 1000;
    });
    prepared.push({ seeded, firstEvaluation: first.result, firstRssMb: first.rssMb });
  }
  // what the seeding wrote reaches the disk before anything is timed
  execFileSync('sync');
  const drains = stores.map(() => ({ rates: [] as number[], waiting: [] as number[], next: 0, rssMb: 0 }));
  for (let round = 0; round < DRAINS; round++) {
    for (const [i, { url }] of stores.entries()) {
      const mine = drains[i]!;
      // Processing, with the door out of the figure: runs dated after the history, as a busy repository's
      // CI sends them, acknowledged by the App with its worker off; then the App starts with them waiting.
      const filled = await withApp({ url, env, mode: 'ingest' }, (server) =>
        fireDeliveries({ port: server.port, seconds: fillSeconds, first: mine.next, repos: 1, start: end }),
      );
      mine.next = filled.result.next;
      const drained = await withApp({ url, env, mode: 'shipwell' }, async (server) => {
        const started = performance.now();
        await settled(server.port);
        return (performance.now() - started) / 1000;
      });
      mine.rates.push(filled.result.ok / drained.result);
      mine.waiting.push(filled.result.ok);
      mine.rssMb = Math.max(mine.rssMb, drained.rssMb);
    }
  }
  const measured: Measured[] = [];
  for (const [i, { url }] of stores.entries()) {
    const mine = drains[i]!;
    const served = await withApp({ url, env, mode: 'shipwell' }, async (server) => {
      const reportMs: number[] = [];
      const dashboardMs: number[] = [];
      for (let k = 0; k < 5; k++) {
        reportMs.push(await readReport(server.port));
        dashboardMs.push(await readReport(server.port, `/shipwell?org=${ORG}`));
      }
      // the report reader is a client like the load generator: its own process at the same lower priority
      const reader = readReportsMeanwhile({ port: server.port });
      const steady = await fireDeliveries({
        port: server.port,
        seconds,
        rate: 500,
        first: mine.next,
        repos: 1,
        start: end,
      });
      return { reportMs, dashboardMs, steady, reportsDuringAcks: await reader.stop() };
    });
    const { reportMs, dashboardMs, steady, reportsDuringAcks } = served.result;
    measured.push({
      ...prepared[i]!,
      rates: mine.rates,
      waiting: mine.waiting,
      reportMs: reportMs.sort((x, y) => x - y),
      dashboardMs: dashboardMs.sort((x, y) => x - y),
      ackP50: steady.p50,
      ackP99: steady.p99,
      generatorShare: steady.cpuShare,
      reportsDuringAcks,
      maxRssMb: Math.max(mine.rssMb, served.rssMb),
    });
  }
  return measured;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runHistoryBench({
  seconds = Number(process.env.SHIPWELL_BENCH_HISTORY_SECONDS ?? 15),
  fillSeconds = Number(process.env.SHIPWELL_BENCH_HISTORY_FILL_SECONDS ?? 5),
  sizes = [0, 100_000, 1_000_000],
}: {
  seconds?: number;
  fillSeconds?: number;
  sizes?: number[];
} = {}): Promise<BenchRow[]> {
  const github = await startFakeGitHub();
  const env = { ...benchAppEnv(), GHE_HOST: github.host, SHIPWELL_DASHBOARD_TOKEN: TOKEN };
  const dir = mkdtempSync(join(tmpdir(), 'shipwell-bench-history-'));
  const postgres = await startPostgres();
  // the history ends two days ago; the fired runs follow it, in the past
  const end = Date.now() - 2 * DAY;
  const rows: BenchRow[] = [];
  try {
    for (const label of ['SQLite', 'PostgreSQL'] as const) {
      const stores: { url: string; count: number }[] = [];
      for (const count of sizes) {
        const name = `history_${count}`;
        if (label === 'SQLite') stores.push({ url: `sqlite:${join(dir, `${name}.db`)}`, count });
        else {
          const admin = new pg.Pool({ connectionString: postgres.url, max: 1 });
          await admin.query(`CREATE DATABASE ${name}`);
          await admin.end();
          stores.push({ url: postgres.url.replace(/\/[^/]*$/, `/${name}`), count });
        }
      }
      const measured = await measureAll({ stores, end, env, seconds, fillSeconds });
      const results = stores.map(({ count }, i) => ({ count, result: measured[i]! }));
      const emptyRate = median(results[0]!.result.rates);
      for (const { count, result } of results) {
        const facts = count.toLocaleString('en');
        const rate = median(result.rates);
        const drains = `median of ${DRAINS} drains (${result.rates.map(Math.round).join(', ')}/s) of ${result.waiting.map((n) => n.toLocaleString('en')).join(', ')} runs of the repository waiting when the App started (acknowledged for ${fillSeconds} s with its worker off), until processed; the drains of every size taken in turn`;
        const reportMedian = median(result.reportMs);
        const max = result.reportMs.at(-1)!;
        rows.push(
          {
            name: `${label}, ${facts} stored facts: deliveries processed`,
            value: Math.round(rate),
            unit: '/s',
            ...(count === 0
              ? { note: `anchor, same run: ${drains}; peak RSS of the App ${Math.round(result.maxRssMb)} MB` }
              : {
                  target: '>= 80 % of the empty repository',
                  ok: rate >= 0.8 * emptyRate,
                  note: `${((rate / emptyRate) * 100).toFixed(0)} % of ${Math.round(emptyRate)}/s with none; ${drains}; seeded in ${result.seeded.seconds.toFixed(0)} s, evaluated whole once at start in ${result.firstEvaluation.toFixed(1)} s (peak RSS ${Math.round(result.firstRssMb)} MB); peak RSS of the App after that (drains, reports, steady load) ${Math.round(result.maxRssMb)} MB`,
                }),
          },
          {
            name: `${label}, ${facts} stored facts: org report (GET /shipwell/api/report)`,
            value: Math.round(reportMedian),
            unit: 'ms median',
            target: '< 1 s',
            ok: max < 1000,
            note: `max ${Math.round(max)} ms of 5 sequential reads after the drains`,
          },
          {
            name: `${label}, ${facts} stored facts: org dashboard page (GET /shipwell?org=…)`,
            value: Math.round(median(result.dashboardMs)),
            unit: 'ms median',
            target: '< 1 s',
            ok: result.dashboardMs.at(-1)! < 1000,
            note: `max ${Math.round(result.dashboardMs.at(-1)!)} ms of 5 reads, each after a report`,
          },
          {
            name: `${label}, ${facts} stored facts: acknowledgements at 500/s while reports are read`,
            value: result.ackP99,
            unit: 'ms p99',
            target: '< 50 ms',
            ok: result.ackP99 < 50,
            note: `p50 ${result.ackP50} ms; ${result.reportsDuringAcks} reports read back to back meanwhile; the generator used ${Math.round(result.generatorShare * 100)} % of a core`,
          },
        );
        if (count > 0) {
          rows.push({
            name: `${label}, ${facts} stored facts: storage`,
            value: Number((result.seeded.bytes / 2 ** 20).toFixed(0)),
            unit: 'MB',
            note: `${result.seeded.factRows.toLocaleString('en')} fact rows (one per distinct fact, each with the first and last delivery that said it); ${(result.seeded.bytes / result.seeded.factRows).toFixed(0)} bytes a fact, indexes included`,
          });
        }
      }
    }
    return rows;
  } finally {
    await postgres.stop();
    await github.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('run-history-bench.ts')) {
  const sizes = process.env.SHIPWELL_BENCH_HISTORY_SIZES?.split(',').map(Number);
  for (const row of await runHistoryBench(sizes ? { sizes } : {})) console.log(JSON.stringify(row));
}
