import { targetsForSegment } from '../config/index.ts';
import type { Config } from '../config/types.ts';
import type { ReleaseReport, Report } from '../report/types.ts';
import { formatInstant, type Instant } from '../time/index.ts';
import { buildReleaseReport } from './build-release-report.ts';
import { createRepoEvaluator, EVALUATION_VERSION } from './create-repo-evaluator.ts';
import { createSegmentTally, type SegmentTally } from './create-segment-tally.ts';
import { judgeEvaluatedRelease } from './judge-evaluated-release.ts';
import { shownPeriods } from './periods.ts';
import { settleAlert } from './settle-alert.ts';
import type { RepoEvaluation } from './types.ts';

export const ALL_SEGMENTS = 'all';

/** A shown release as the report lists it, with what ordering and the mean coverage need. */
interface ShownRelease {
  publishedAt: Instant;
  /** Coverage percent, unrounded; null without coverage. */
  coverage: number | null;
  report: ReleaseReport;
}

/**
 * The JSON report (docs/report.md) at `now` from evaluated repositories
 * (each judged at `now`, see judgeRepoEvaluation): periods, segment tallies,
 * the releases of the shown periods. The order of `evaluations` does not
 * matter. `repo` limits the report to one repository. Each repository is
 * counted in the segment `config` gives it; its evaluation must have been
 * made under a config that evaluates it the same way (evaluationConfigKey),
 * at or before `now`, once: otherwise this throws, naming the repository.
 */
export function tallyReport({
  evaluations,
  config,
  now,
  repo,
  warnings = [],
}: {
  evaluations: Iterable<RepoEvaluation>;
  config: Config;
  now: Instant;
  repo?: string;
  /** What reading the input found (the report lists them sorted, each once). */
  warnings?: readonly string[];
}): Report {
  const periods = shownPeriods({ now, config });
  const first = periods[0]!;
  const shown = { start: first.start, end: periods.at(-1)!.end };
  const evaluator = createRepoEvaluator(config);
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
  const seen = new Set<string>();
  for (const evaluation of evaluations) {
    const name = evaluation.repo;
    if (repo !== undefined && name !== repo) continue;
    if (seen.has(name)) throw new Error(`cannot report ${name}: it was given twice`);
    seen.add(name);
    const segment = evaluator.segmentOf(name, evaluation.repoInfo);
    const { rules, configKey } = evaluator.settingsOf(segment);
    if (evaluation.version !== EVALUATION_VERSION || evaluation.configKey !== configKey) {
      throw new Error(`cannot report ${name}: it was evaluated by another engine or config; evaluate it again`);
    }
    if (evaluation.now > now) {
      throw new Error(
        `cannot report ${name} at ${formatInstant(now)}: it was evaluated at ${formatInstant(evaluation.now)}, later; evaluate it again`,
      );
    }
    const into = talliesOf(segment);
    for (const tally of into) tally.addRepo(name);
    for (const evaluated of evaluation.releases) {
      if (evaluated.release.publishedAt < first.start) continue;
      const v = judgeEvaluatedRelease({ evaluated, segment, rules, now });
      for (const tally of into) tally.addRelease(v);
      releases.push({
        publishedAt: v.release.publishedAt,
        coverage: v.coverage ? (v.coverage.covered / v.coverage.total) * 100 : null,
        report: buildReleaseReport(v),
      });
    }
    for (const alert of evaluation.alerts) {
      const s = settleAlert({ repo: name, segment, alert, rules, now });
      for (const tally of into) tally.addSettlement(s);
    }
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
    segments: [ALL_SEGMENTS, ...names].map((name) => {
      const { rules } = evaluator.settingsOf(name);
      return tallies.get(name)!.summarize({
        name,
        rules,
        targets: { patchCoverage: rules.patches.target, ...targetsForSegment({ config, segment: name }) },
      });
    }),
    warnings: [...new Set(warnings)].sort(),
  };
}
