// The Action's bench: cold start of the committed bundle to its first API
// request, bundle size, and the requests one report costs on a busy
// repository against the minimum (target ≤ 1.2×). `node bench/action/run-action-bench.ts`
// runs it alone.
import { spawn } from 'node:child_process';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultConfig } from '../../src/config/index.ts';
import { collectRepoFacts, createOctokit, reportHorizon } from '../../src/github/index.ts';
import { parseInstant } from '../../src/time/index.ts';
import { type FakeGitHub, startFakeGitHub } from '../../test/github/fake-github.ts';
import type { BenchRow } from '../types.ts';
import { makeBusyRepo } from './make-busy-repo.ts';
import { minimumRequests } from './minimum-requests.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'action/dist/index.js');
const NOW = '2026-03-20T00:00:00Z';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Spawns the bundle in report mode; resolves with ms from spawn to its first request, and ms to exit. */
async function timeBundle(apiUrl: string, fake: FakeGitHub) {
  const dir = await mkdtemp(join(tmpdir(), 'shipwell-bench-'));
  await writeFile(join(dir, 'event.json'), '{}');
  await writeFile(join(dir, 'summary.md'), '');
  await writeFile(join(dir, 'output.txt'), '');
  let first: number | null = null;
  fake.onRequest = (request) => {
    first ??= request.at;
  };
  const started = performance.now();
  const child = spawn(process.execPath, [BUNDLE], {
    cwd: dir,
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'acme/api',
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_API_URL: apiUrl,
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      GITHUB_OUTPUT: join(dir, 'output.txt'),
      RUNNER_TEMP: dir,
      'INPUT_GITHUB-TOKEN': 'ghs_bench',
      INPUT_NOW: NOW,
    },
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`the bundle exited ${code}`);
  fake.onRequest = null;
  return { toFirstRequest: (first ?? Number.NaN) - started, total: performance.now() - started };
}

export async function runActionBench({ rounds = 3 } = {}): Promise<BenchRow[]> {
  const now = parseInstant(NOW)!;
  const size = (await stat(BUNDLE)).size;

  // Requests a report's collection costs, in process, against the minimum.
  const repo = makeBusyRepo({ now });
  const since = reportHorizon({ config: defaultConfig(), now });
  const minimum = minimumRequests({ repo, since });
  const minimumTotal = Object.values(minimum).reduce((a, b) => a + b, 0);
  const fake = await startFakeGitHub(repo);
  const octokit = createOctokit({ auth: 't', baseUrl: fake.url, retries: false, throttle: false });
  await collectRepoFacts({ octokit, owner: 'acme', repo: 'api', since, now });
  const collected = fake.requests.length;
  const ratio = collected / minimumTotal;

  // The whole Action on the same repository: cold start and wall time (writes throttled as on GitHub).
  fake.requests.length = 0;
  const runs: { toFirstRequest: number; total: number }[] = [];
  for (let round = 0; round < rounds; round++) runs.push(await timeBundle(fake.url, fake));
  const actionRequests = fake.requests.length / rounds;
  await fake.close();
  const coldStart = median(runs.map((r) => r.toFirstRequest));
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return [
    {
      name: 'action: cold start to first request',
      value: round1(coldStart),
      unit: 'ms',
      target: '< 400',
      ok: coldStart < 400,
      note: `median of ${rounds}, node ${process.version}`,
    },
    {
      name: 'action: bundle size',
      value: round1(size / 1024),
      unit: 'KiB',
      target: '< 2048',
      ok: size < 2 * 1024 * 1024,
      note: 'action/dist/index.js, minified ESM',
    },
    {
      name: 'action: requests per report vs minimum pages',
      value: Math.round(ratio * 100) / 100,
      unit: 'x',
      target: '<= 1.2',
      ok: ratio <= 1.2,
      note: `${collected} requests, minimum ${minimumTotal} (300 releases, 1,000 deployments over 600 days; ${Object.entries(
        minimum,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
    },
    {
      name: 'action: whole report run (busy repo)',
      value: round1(median(runs.map((r) => r.total))),
      unit: 'ms',
      note: `${round1(actionRequests)} requests a run incl. config, publishing and check-run lookups`,
    },
  ];
}

if (import.meta.main) {
  for (const row of await runActionBench()) {
    console.log(
      `${row.name}: ${row.value} ${row.unit}${row.target ? ` (target ${row.target}: ${row.ok ? 'met' : 'MISSED'})` : ''}${row.note ? ` — ${row.note}` : ''}`,
    );
  }
}
