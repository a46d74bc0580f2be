// `npm run bench`: every benchmark, side by side with its anchor in the same
// run, into BENCHMARKS.md (median of several runs; the machine described).
// `npm run bench -- kpi coverage` runs only those groups.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { BenchRow } from './types.ts';

interface Group {
  key: string;
  title: string;
  run: () => Promise<BenchRow[]>;
}

const groups: Group[] = [
  {
    key: 'kpi',
    title: 'KPI computation (synthetic events, 5,000 repos, 3 segments)',
    run: async () => (await import('./kpi/run-kpi-bench.ts')).runKpiBench(),
  },
  {
    key: 'coverage',
    title: 'Coverage parsing (large lcov report) vs lcov-parse',
    run: async () => (await import('./coverage/run-coverage-bench.ts')).runCoverageBench(),
  },
  {
    key: 'app',
    title: 'App ingestion: signed deliveries acknowledged (stored before 2xx) vs bare Probot',
    run: async () => (await import('./app/run-app-bench.ts')).runAppBench(),
  },
  {
    key: 'ingest',
    title:
      'Ingestion anchors (raw HMAC server, bare Probot) and the end-to-end rate sustained for a minute, backlog drained',
    run: async () => (await import('./ingest/run-ingest-bench.ts')).runIngestBench(),
  },
  {
    key: 'backlog',
    title:
      'Acknowledging while a backlog drains: a 30 s burst, then 30 s at 500/s with fresh ids (SQLite and PostgreSQL) vs a fresh App, bare Probot and the App before the redesign',
    run: async () => (await import('./backlog/run-backlog-bench.ts')).runBacklogBench(),
  },
  {
    key: 'history',
    title:
      'Processing independent of history: one repository with no stored facts, 100,000 and 1,000,000 (SQLite and PostgreSQL), the org report, acknowledgements while reports are read',
    run: async () => (await import('./history/run-history-bench.ts')).runHistoryBench(),
  },
  {
    key: 'org',
    title:
      'Org backfill: a synthetic org of 1,000 repositories, its partial and full report within an hour of GitHub budget vs the REST-only collector',
    run: async () => (await import('./org/run-org-bench.ts')).runOrgBench(),
  },
  {
    key: 'action',
    title: 'GitHub Action: cold start, bundle size, requests per report',
    run: async () => (await import('./action/run-action-bench.ts')).runActionBench(),
  },
];

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** The 1-minute load average, sampled through the run: other work on the machine shows here. */
const loads: number[] = [loadavg()[0]!];
const sampler = setInterval(() => loads.push(loadavg()[0]!), 5_000);
sampler.unref();

const wanted = process.argv.slice(2);
const chosen = wanted.length > 0 ? groups.filter((g) => wanted.includes(g.key)) : groups;
const sections: string[] = [];
let missed = 0;
for (const group of chosen) {
  console.error(`bench: ${group.title} …`);
  const rows = await group.run();
  missed += rows.filter((r) => r.ok === false).length;
  sections.push(
    [
      `## ${group.title}`,
      '',
      '| measure | value | target | met | note |',
      '|---|---:|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${cell(r.name)} | ${r.value.toLocaleString('en')} ${r.unit} | ${cell(r.target ?? '')} | ${
            r.ok === undefined ? '' : r.ok ? 'yes' : '**no**'
          } | ${cell(r.note ?? '')} |`,
      ),
      '',
    ].join('\n'),
  );
}
const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
clearInterval(sampler);
const sorted = [...loads].sort((a, b) => a - b);
const loadNote = `Load average (1 min) during the run: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)} on ${cpus().length} cores${
  sorted.at(-1)! > cpus().length * 0.75
    ? " — the load includes the benchmarks' own load generators and servers on these same cores (and any other work on the machine): absolute figures are lower than on a dedicated server; ratios to the anchors, measured in the same run, hold better."
    : '.'
}`;
const doc = [
  '# Benchmarks',
  '',
  `Produced by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} at commit ${commit}, on ${machine()}.`,
  loadNote,
  "Reproduce: `npm ci && npm run bench` (needs Debian's `postgresql` for the PostgreSQL rows); one group: `npm run bench -- ingest`.",
  'Each figure is the median of several runs in the same process tree; anchors ran in the same run.',
  'Targets come from the issues; a missed target is marked **no** and explained in the note.',
  '',
  ...sections,
].join('\n');
if (wanted.length === 0) writeFileSync('BENCHMARKS.md', doc);
console.log(doc);
if (missed > 0) console.error(`bench: ${missed} target(s) missed (see the table)`);
