// The org backfill (issue #20): a synthetic org of 1,000 repositories with a
// year of varied history, served by the tests' fake GitHub with GitHub's
// rate-limit accounting, collected by the org collector (GraphQL where it
// is cheaper) and, in the same run, by the REST-only collector it replaced.
// Budget figures are counted by the fake (REST requests answered, GraphQL
// points by GitHub's formula); times are wall-clock on this machine.
import { defaultConfig } from '../../src/config/index.ts';
import {
  collectOrgFacts,
  collectOrgHistory,
  createOctokit,
  reportHorizon,
  useConditionalRequests,
  useRateBudget,
} from '../../src/github/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import { type FakeGitHub, startFakeGitHub } from '../../test/github/fake-github.ts';
import { makeSyntheticOrg } from '../../test/github/make-synthetic-org.ts';
import type { BenchRow } from '../types.ts';

const REPOS = 1_000;
const HOUR_BUDGET = { requests: 5_000, points: 5_000 };
const NOW = Date.parse('2026-11-20T12:00:00Z');

function spentBy(fake: FakeGitHub, token: string) {
  const mine = fake.requests.filter((r) => r.authorization === `token ${token}`);
  return {
    requests: mine.filter((r) => r.resource === 'core').length,
    points: mine.filter((r) => r.resource === 'graphql').reduce((sum, r) => sum + r.cost, 0),
    notModified: mine.filter((r) => r.status === 304).length,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function runOrgBench(): Promise<BenchRow[]> {
  const config = defaultConfig();
  const horizon = reportHorizon({ config, now: NOW });
  const partialSince = reportHorizon({ config, now: NOW, periods: 2 });
  const labels = config.rollback.labels;
  // budgets far above an hour's, so neither collector waits: the figures are what each needs
  const fake = await startFakeGitHub(makeSyntheticOrg({ repos: REPOS, now: NOW }), {
    limits: { core: 1_000_000, graphql: 1_000_000 },
  });
  try {
    const client = (token: string) =>
      createOctokit({ auth: token, baseUrl: fake.url, fetch: globalThis.fetch, retries: false, throttle: false });

    // the org collector
    const octokit = client('graphql');
    useRateBudget({ octokit, clock: Date.now, sleep: async () => {}, mode: 'wait' });
    useConditionalRequests({ octokit, cache: new Map() });
    const started = performance.now();
    let partial: { ms: number; requests: number; points: number } | null = null;
    const collected = await collectOrgHistory({
      octokit,
      org: 'acme',
      horizon,
      partialSince,
      now: NOW,
      labels,
      progress: {
        planned: () => {},
        repoDone: () => {},
        partialReady: () => {
          partial = { ms: performance.now() - started, ...spentBy(fake, 'graphql') };
        },
      },
    });
    const fullMs = performance.now() - started;
    const full = spentBy(fake, 'graphql');
    computeReport({ facts: collected.facts, config, now: NOW });

    // today's REST-only collector, same org, same run
    const restStarted = performance.now();
    await collectOrgFacts({ octokit: client('rest'), org: 'acme', since: horizon, now: NOW, labels });
    const restMs = performance.now() - restStarted;
    const rest = spentBy(fake, 'rest');

    const got = partial as { ms: number; requests: number; points: number } | null;
    if (!got) throw new Error('the org collector never reported its partial report');
    const budget = HOUR_BUDGET.requests + HOUR_BUDGET.points;
    const partialShare = ((got.requests + got.points) / budget) * 100;
    const ratio = rest.requests / (full.requests + full.points);
    return [
      {
        name: `REST requests, full report of ${REPOS.toLocaleString('en')} repositories`,
        value: full.requests,
        unit: 'requests',
        target: '≤ 5,000',
        ok: full.requests <= HOUR_BUDGET.requests,
        note: `${round1(full.requests / REPOS)} a repository; ${full.notModified} re-reads answered 304 (free)`,
      },
      {
        name: `GraphQL points, full report of ${REPOS.toLocaleString('en')} repositories`,
        value: full.points,
        unit: 'points',
        target: '≤ 5,000',
        ok: full.points <= HOUR_BUDGET.points,
        note: `${round1(full.points / REPOS)} a repository`,
      },
      {
        name: 'Budget spent when the partial report (current and last complete period) is ready',
        value: round1(partialShare),
        unit: '% of an hour',
        target: '≤ 10 %',
        ok: partialShare <= 10,
        note: `${got.requests.toLocaleString('en')} requests + ${got.points.toLocaleString('en')} points of 5,000 + 5,000`,
      },
      {
        name: 'Time to the partial report (this machine, local fake)',
        value: round1(got.ms / 1000),
        unit: 's',
        note: 'network latency to GitHub not included',
      },
      {
        name: 'Time to the full report (this machine, local fake)',
        value: round1(fullMs / 1000),
        unit: 's',
        note: `REST-only collector: ${round1(restMs / 1000)} s`,
      },
      {
        name: 'REST-only collector (today’s, same org, same run): REST requests',
        value: rest.requests,
        unit: 'requests',
        note: `${round1(rest.requests / REPOS)} a repository; ${round1(rest.requests / HOUR_BUDGET.requests)} hours of a standard installation's budget`,
      },
      {
        name: 'Budget ratio: REST-only requests ÷ (requests + points) of the org collector',
        value: round1(ratio),
        unit: '×',
        target: '> 1',
        ok: ratio > 1,
      },
    ];
  } finally {
    await fake.close();
  }
}
