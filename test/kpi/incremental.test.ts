// Incremental evaluation equals full evaluation (issue #16): random histories
// are stored in batches, in random order (late facts dated long ago
// included), and re-evaluated batch after batch with reevaluateRepo; after
// each batch its evaluation must equal evaluateRepoState over every stored
// fact, and at the end the report tallied from the evaluations must equal
// computeReport over every fact, byte for byte, at several later nows (time
// passing with and without new facts becoming known).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticFacts } from '../../bench/kpi/synthetic-facts.ts';
import { parseConfig } from '../../src/config/index.ts';
import type { Config } from '../../src/config/types.ts';
import { ingestDeliveries } from '../../src/events/index.ts';
import type { Fact } from '../../src/events/types.ts';
import {
  computeReport,
  createMemoryFactSource,
  evaluateRepoState,
  factIndexFields,
  type RepoEvaluation,
  reevaluateRepo,
  tallyReport,
} from '../../src/kpi/index.ts';
import { incrementalReport } from './incremental-report.ts';
import { historyArb, type ScenarioSpan } from './random-scenario.ts';

const REPOS = ['acme/api', 'acme/app-ios'];
const SPAN: ScenarioSpan = {
  start: '2025-11-01T00:00:00Z',
  end: '2026-04-10T00:00:00Z',
  tags: 12,
  topics: true,
  even: true,
  releaseWeight: 4,
  grid: 6 * 60,
};
const FIRST = Date.parse(SPAN.start);
const DAY = 86_400_000;

// Topics move a repo between segments whose windows differ (ios, cloud) or not (on-prem, unsegmented).
const CONFIGS = [
  '',
  'overrides:\n  ios:\n    rollbackWindow: 3d\n  cloud:\n    rollbackWindow: 10d\n    coverage:\n      fallback: none\n',
  'includePrereleases: true\nrollbackWindow: 14d\n',
].map((text) => parseConfig({ text, file: 'shipwell.yml' }));

/**
 * How the history is stored: in 1–6 batches after a first stored part, either
 * in time order with a few facts arriving late (at random batches) or in
 * random order; each batch evaluated around the time of its facts (some
 * facts then dated after it), time never going back.
 */
const plan = fc.record({
  batches: fc.integer({ min: 1, max: 6 }),
  inOrder: fc.constantFrom(true, true, true, false),
  /** One fact in this many (in time order) arrives in a random batch. */
  lateEvery: fc.constantFrom(8, 40, 1000),
  picks: fc.infiniteStream(fc.nat()),
  offsets: fc.array(fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }), { minLength: 7, maxLength: 7 }),
  later: fc.array(fc.integer({ min: 0, max: 40 * 24 * 60 }), { minLength: 3, maxLength: 3 }),
  config: fc.nat(CONFIGS.length - 1),
});

function groupsOf(facts: readonly Fact[]): string[] {
  return [...new Set(facts.map((f) => factIndexFields(f).group))];
}

/** A fact's own time, else when it bears on verdicts, else the span's start. */
function timeOf(fact: Fact): number {
  const { knownAt, lastAt } = factIndexFields(fact);
  return knownAt ?? lastAt ?? FIRST;
}

/** The smallest own time after `after` of any fact, if any. */
function nextKnown(facts: readonly Fact[], after: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const f of facts) {
    const { knownAt } = factIndexFields(f);
    if (knownAt !== null && knownAt > after && knownAt < next) next = knownAt;
  }
  return next;
}

async function check({
  facts,
  batches,
  inOrder,
  lateEvery,
  picks,
  offsets,
  later,
  config,
}: {
  facts: Fact[];
  batches: number;
  inOrder: boolean;
  lateEvery: number;
  picks: IterableIterator<number>;
  offsets: number[];
  later: number[];
  config: Config;
}): Promise<void> {
  // Each fact's batch (0: stored before the first evaluation) and each batch's evaluation time.
  const order = facts.map((_, i) => i).sort((a, b) => timeOf(facts[a]!) - timeOf(facts[b]!));
  const batchOf = new Array<number>(facts.length);
  order.forEach((i, rank) => {
    const late = picks.next().value % lateEvery === 0;
    batchOf[i] =
      inOrder && !late ? Math.floor((rank * (batches + 1)) / facts.length) : picks.next().value % (batches + 1);
  });
  const nows: number[] = [];
  for (let b = 0; b <= batches; b++) {
    let latest = FIRST;
    for (let i = 0; i < facts.length; i++) if (batchOf[i] === b) latest = Math.max(latest, timeOf(facts[i]!));
    nows.push(Math.max(nows.at(-1) ?? FIRST, latest + offsets[b]! * 60_000));
  }

  const evaluations = new Map<string, RepoEvaluation>();
  for (const repo of REPOS) {
    const own = facts.filter((f) => f.repo === repo);
    const ownBatch = batchOf.filter((_, i) => facts[i]!.repo === repo);
    const stored: Fact[] = [];
    const source = createMemoryFactSource(stored);
    let previous: RepoEvaluation | null = null;
    for (let b = 0; b <= batches; b++) {
      const batch = own.filter((_, i) => ownBatch[i] === b);
      stored.push(...batch);
      const now = nows[b]!;
      const { evaluation, read, changedReleases } = await reevaluateRepo({
        repo,
        previous,
        changes: { groups: groupsOf(batch) },
        source,
        config,
        now,
      });
      expect(evaluation).toStrictEqual(evaluateRepoState({ repo, facts: stored, config, now }));
      paths[read.scope]++;
      if (read.scope === 'since') merged += changedReleases.length;
      previous = evaluation;
    }
    // A repository without facts is in no report.
    if (own.length > 0) evaluations.set(repo, previous!);
  }

  let now = nows.at(-1)!;
  for (const step of later) {
    // Judged later with no fact becoming known meanwhile: the stored evaluations as they are.
    const quiet = Math.min(now + step * 60_000, nextKnown(facts, now) - 1);
    if (quiet >= now) {
      const judged = tallyReport({ evaluations: evaluations.values(), config, now: quiet });
      expect(JSON.stringify(judged)).toBe(JSON.stringify(computeReport({ facts, config, now: quiet })));
    }
    // Later still, re-evaluated without new facts: those dated in between become known.
    now += step * 60_000 + DAY;
    for (const repo of evaluations.keys()) {
      const own = facts.filter((f) => f.repo === repo);
      const { evaluation } = await reevaluateRepo({
        repo,
        previous: evaluations.get(repo)!,
        changes: { groups: [] },
        source: createMemoryFactSource(own),
        config,
        now,
      });
      expect(evaluation).toStrictEqual(evaluateRepoState({ repo, facts: own, config, now }));
      evaluations.set(repo, evaluation);
    }
    const report = tallyReport({ evaluations: evaluations.values(), config, now });
    expect(JSON.stringify(report)).toBe(JSON.stringify(computeReport({ facts, config, now })));
  }
}

/** How often each way of re-evaluating ran, so that a generator that stops reaching one shows. */
const paths = { all: 0, changes: 0, since: 0 };
let merged = 0;

describe('incremental evaluation', () => {
  it('equals evaluating every fact, batch after batch and as time passes', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb({ repos: REPOS, span: SPAN, minLength: 20, maxLength: 150 }),
        plan,
        async (deliveries, p) => {
          const { facts } = ingestDeliveries(deliveries);
          await check({ facts, ...p, config: CONFIGS[p.config]! });
        },
      ),
      { numRuns: 300 },
    );
    // A few hundred re-evaluations from a stable release on, re-evaluating a release or more each time.
    expect(paths.since).toBeGreaterThan(200);
    expect(merged).toBeGreaterThan(paths.since);
  });

  it('gives the report of every fact on the KPI benchmark’s synthetic events, byte for byte', async () => {
    // the benchmark's generator at a smaller size (bench/kpi/compare-incremental.ts runs it at a million)
    const now = Date.parse('2026-03-20T00:00:00Z');
    const facts = syntheticFacts({ count: 40_000, repos: 200, now });
    for (const config of CONFIGS) {
      const { report, evaluations, reads } = await incrementalReport({ facts, config, now, batches: 8 });
      expect(JSON.stringify(report)).toBe(JSON.stringify(computeReport({ facts, config, now })));
      for (const evaluation of evaluations) {
        const own = facts.filter((f) => f.repo === evaluation.repo);
        expect(evaluation).toStrictEqual(evaluateRepoState({ repo: evaluation.repo, facts: own, config, now }));
      }
      // most re-evaluations read from a stable release on, not everything
      expect(reads.since).toBeGreaterThan(reads.all);
    }
  });
});
