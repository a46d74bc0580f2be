import { rulesForSegment, targetsForSegment } from '../config/index.ts';
import type { Config, SegmentRules } from '../config/types.ts';
import type { Fact } from '../events/types.ts';
import type { ReleaseReport, Report } from '../report/types.ts';
import { formatInstant, type Instant } from '../time/index.ts';
import { buildReleaseReport } from './build-release-report.ts';
import { createSegmentTally, type SegmentTally } from './create-segment-tally.ts';
import { evaluateRepo } from './evaluate-repo.ts';
import { groupFactsByRepo } from './group-facts-by-repo.ts';
import { indexRepoFacts } from './index-repo-facts.ts';
import { shownPeriods } from './periods.ts';
import { createSegmentResolver } from './resolve-segment.ts';

export const ALL_SEGMENTS = 'all';

/** A shown release as the report lists it, with what ordering and the mean coverage need. */
interface ShownRelease {
  publishedAt: Instant;
  /** Coverage percent, unrounded; null without coverage. */
  coverage: number | null;
  report: ReleaseReport;
}

/**
 * The KPI engine: every number of kpis.md from normalized facts, as the JSON
 * report of interfaces.md. Pure and order-independent; `now` is a parameter.
 * `repo` limits the report to one repository. `warnings` (what reading the
 * input found, e.g. ingestDeliveries') are reported sorted, each once.
 *
 * One repository at a time: its facts are indexed, evaluated, counted into
 * its segment's tally and `all`'s, and turned into report rows; then its
 * index and verdicts are garbage, so the heap holds one repo's working state,
 * not every repo's.
 */
export function computeReport({
  facts,
  config,
  now,
  repo,
  warnings = [],
}: {
  facts: Iterable<Fact>;
  config: Config;
  now: Instant;
  repo?: string;
  warnings?: readonly string[];
}): Report {
  const periods = shownPeriods({ now, config });
  const first = periods[0]!;
  const shown = { start: first.start, end: periods.at(-1)!.end };
  const resolveSegment = createSegmentResolver(config);
  const rulesCache = new Map<string, SegmentRules>();
  const rulesOf = (segment: string): SegmentRules => {
    let rules = rulesCache.get(segment);
    if (!rules) {
      rules = rulesForSegment({ config, segment });
      rulesCache.set(segment, rules);
    }
    return rules;
  };
  const all = createSegmentTally({ periods, config, now, shown });
  const tallies = new Map<string, SegmentTally>([[ALL_SEGMENTS, all]]);
  /** The tallies a repo of `segment` counts in: its own and `all` (once, for a segment named `all`). */
  const talliesOf = (segment: string): SegmentTally[] => {
    if (segment === ALL_SEGMENTS) return [all];
    let own = tallies.get(segment);
    if (!own) {
      own = createSegmentTally({ periods, config, now, shown });
      tallies.set(segment, own);
    }
    return [all, own];
  };

  const releases: ShownRelease[] = [];
  for (const [name, own] of groupFactsByRepo({ facts, ...(repo === undefined ? {} : { repo }) })) {
    const repoFacts = indexRepoFacts({ repo: name, facts: own, now });
    const segment = resolveSegment(repoFacts);
    const into = talliesOf(segment);
    const evaluated = evaluateRepo({ facts: repoFacts, segment, config, rules: rulesOf(segment), now });
    for (const tally of into) tally.addRepo(name);
    for (const v of evaluated.verdicts) {
      if (v.release.publishedAt < first.start) continue;
      for (const tally of into) tally.addRelease(v);
      releases.push({
        publishedAt: v.release.publishedAt,
        coverage: v.coverage ? (v.coverage.fact.covered / v.coverage.fact.total) * 100 : null,
        report: buildReleaseReport(v),
      });
    }
    for (const s of evaluated.settlements) for (const tally of into) tally.addSettlement(s);
  }
  releases.sort(
    (a, b) =>
      a.publishedAt - b.publishedAt ||
      (a.report.repo < b.report.repo ? -1 : a.report.repo > b.report.repo ? 1 : 0) ||
      (a.report.tag < b.report.tag ? -1 : 1),
  );
  // Mean coverage is a floating-point sum: added in report order, whatever order the repos came in.
  for (const r of releases) {
    if (r.coverage === null) continue;
    for (const tally of talliesOf(r.report.segment))
      tally.addCoverage({ publishedAt: r.publishedAt, percent: r.coverage });
  }

  const names = [...tallies.keys()].filter((s) => s !== ALL_SEGMENTS).sort();
  return {
    now: formatInstant(now),
    periods: periods.map((p) => ({ start: formatInstant(p.start), end: formatInstant(p.end), current: p.current })),
    releases: releases.map((r) => r.report),
    segments: [ALL_SEGMENTS, ...names].map((name) =>
      tallies.get(name)!.summarize({
        name,
        rules: rulesOf(name),
        targets: { patchCoverage: rulesOf(name).patches.target, ...targetsForSegment({ config, segment: name }) },
      }),
    ),
    warnings: [...new Set(warnings)].sort(),
  };
}
