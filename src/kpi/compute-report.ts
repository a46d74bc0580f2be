import { rulesForSegment, targetsForSegment } from '../config/index.ts';
import type { Config, DevopsKind, SegmentRules, SegmentTargets } from '../config/types.ts';
import { DEVOPS_KINDS } from '../config/types.ts';
import type { Fact } from '../events/types.ts';
import type {
  ReleaseReport,
  Report,
  SegmentPeriodReport,
  SegmentReport,
  TargetVerdicts,
  VerdictReason,
} from '../report/types.ts';
import { VERDICT_REASONS } from '../report/types.ts';
import { formatInstant, HOUR, type Instant } from '../time/index.ts';
import { evaluateRepo } from './evaluate-repo.ts';
import { indexFacts } from './index-facts.ts';
import { type Period, periodIndex, shownPeriods } from './periods.ts';
import { createSegmentResolver } from './resolve-segment.ts';
import { mean, median, percentOf, roundPercent } from './statistics.ts';
import { topRollbackReasons } from './top-rollback-reasons.ts';
import type { PatchSettlement, ReleaseVerdict } from './types.ts';

export const ALL_SEGMENTS = 'all';

/**
 * The KPI engine: every number of kpis.md from normalized facts, as the JSON
 * report of interfaces.md. Pure and order-independent; `now` is a parameter.
 * `repo` limits the report to one repository.
 */
export function computeReport({
  facts,
  config,
  now,
  repo,
}: {
  facts: Iterable<Fact>;
  config: Config;
  now: Instant;
  repo?: string;
}): Report {
  const periods = shownPeriods({ now, config });
  const first = periods[0]!;
  const last = periods.at(-1)!;
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

  const verdicts: ReleaseVerdict[] = [];
  const settlements: PatchSettlement[] = [];
  const reposBySegment = new Map<string, string[]>();
  for (const facts_ of indexFacts({ facts, now }).values()) {
    if (repo !== undefined && facts_.repo !== repo) continue;
    const segment = resolveSegment(facts_);
    const list = reposBySegment.get(segment);
    if (list) list.push(facts_.repo);
    else reposBySegment.set(segment, [facts_.repo]);
    const evaluated = evaluateRepo({ facts: facts_, segment, config, rules: rulesOf(segment), now });
    for (const v of evaluated.verdicts) if (v.release.publishedAt >= first.start) verdicts.push(v);
    settlements.push(...evaluated.settlements);
  }
  verdicts.sort(
    (a, b) =>
      a.release.publishedAt - b.release.publishedAt ||
      (a.release.repo < b.release.repo ? -1 : a.release.repo > b.release.repo ? 1 : 0) ||
      (a.release.tag < b.release.tag ? -1 : 1),
  );

  const segmentNames = [...reposBySegment.keys()].filter((s) => s !== ALL_SEGMENTS).sort();
  const segments = [ALL_SEGMENTS, ...segmentNames].map((name) => {
    const inSegment = name === ALL_SEGMENTS ? () => true : (s: string) => s === name;
    return summarizeSegment({
      name,
      repos: (name === ALL_SEGMENTS ? [...reposBySegment.values()].flat() : (reposBySegment.get(name) ?? [])).sort(),
      verdicts: verdicts.filter((v) => inSegment(v.segment)),
      settlements: settlements.filter((s) => inSegment(s.segment)),
      periods,
      config,
      rules: rulesOf(name),
      targets: {
        patchCoverage: rulesOf(name).patches.target,
        ...targetsForSegment({ config, segment: name }),
      },
      now,
      shown: { start: first.start, end: last.end },
    });
  });

  return {
    now: formatInstant(now),
    periods: periods.map((p) => ({ start: formatInstant(p.start), end: formatInstant(p.end), current: p.current })),
    releases: verdicts.map(releaseReport),
    segments,
  };
}

function releaseReport(v: ReleaseVerdict): ReleaseReport {
  const first = v.rollbacks[0];
  const rollbacks = v.rollbacks.map((r) => ({
    at: formatInstant(r.at),
    signal: r.signal,
    reason: r.reason,
    durationMinutes: r.durationMinutes,
  }));
  return {
    repo: v.release.repo,
    tag: v.release.tag,
    sha: v.release.sha,
    segment: v.segment,
    publishedAt: formatInstant(v.release.publishedAt),
    status: v.status,
    reasons: v.reasons,
    coverage: v.coverage ? roundPercent((v.coverage.fact.covered / v.coverage.fact.total) * 100) : null,
    devopsActivities: v.activities.length,
    rollback: first ? rollbacks[0]! : null,
    windowEnd: formatInstant(v.release.windowEnd),
    coverageReport: v.coverage
      ? {
          covered: v.coverage.fact.covered,
          total: v.coverage.fact.total,
          sha: v.coverage.fact.sha,
          at: formatInstant(v.coverage.fact.at),
          fallback: v.coverage.fallback,
        }
      : null,
    activities: v.activities.map((a) => ({ kind: a.kind, at: formatInstant(a.at) })),
    rollbacks,
    prerelease: v.release.prerelease,
  };
}

/** Per criterion: decided releases not failing it, in percent of the decided ones (a pending release fails nothing). */
function passRatesOf({
  failing,
  decided,
}: {
  failing: Record<VerdictReason, number>;
  decided: number;
}): Record<VerdictReason, number | null> {
  return Object.fromEntries(
    VERDICT_REASONS.map((reason) => [reason, percentOf({ part: decided - failing[reason], whole: decided })]),
  ) as Record<VerdictReason, number | null>;
}

function zeroByKind(): Record<DevopsKind, number> {
  return Object.fromEntries(DEVOPS_KINDS.map((k) => [k, 0])) as Record<DevopsKind, number>;
}

function judgeTargets({
  targets,
  wellPackaged,
  share,
  patchCoverage,
}: {
  targets: SegmentTargets;
  wellPackaged: number;
  share: number | null;
  patchCoverage: number | null;
}): TargetVerdicts {
  const verdicts: TargetVerdicts = {};
  if (targets.wellPackaged !== undefined) verdicts.wellPackaged = wellPackaged >= targets.wellPackaged;
  if (targets.share !== undefined) verdicts.share = share === null ? null : share >= targets.share;
  if (targets.patchCoverage !== undefined) {
    verdicts.patchCoverage = patchCoverage === null ? null : patchCoverage >= targets.patchCoverage;
  }
  return verdicts;
}

function summarizeSegment({
  name,
  repos,
  verdicts,
  settlements,
  periods,
  config,
  rules,
  targets,
  now,
  shown,
}: {
  rules: SegmentRules;
  name: string;
  repos: string[];
  verdicts: ReleaseVerdict[];
  settlements: PatchSettlement[];
  periods: Period[];
  config: Config;
  targets: SegmentTargets;
  now: Instant;
  shown: { start: Instant; end: Instant };
}): SegmentReport {
  const releasesIn = new Map<number, ReleaseVerdict[]>(periods.map((p) => [p.index, []]));
  for (const v of verdicts) releasesIn.get(periodIndex({ at: v.release.publishedAt, config }))?.push(v);
  const settledIn = new Map<number, PatchSettlement[]>(periods.map((p) => [p.index, []]));
  for (const s of settlements) {
    if (s.settledAt !== null && s.settledAt <= now) settledIn.get(periodIndex({ at: s.settledAt, config }))?.push(s);
  }

  const periodReports = periods.map((p): SegmentPeriodReport => {
    const list = releasesIn.get(p.index)!;
    let wellPackaged = 0;
    let pending = 0;
    let activities = 0;
    const failing: Record<VerdictReason, number> = {
      'rolled-back': 0,
      'devops-activities': 0,
      'coverage-below-threshold': 0,
      'coverage-missing': 0,
    };
    const byKind = zeroByKind();
    const rolledBack: ReleaseVerdict[] = [];
    const coverages: number[] = [];
    for (const v of list) {
      if (v.status === 'well-packaged') wellPackaged++;
      else if (v.status === 'pending') pending++;
      for (const reason of v.reasons) failing[reason]++;
      for (const a of v.activities) byKind[a.kind]++;
      activities += v.activities.length;
      if (v.rollbacks.length > 0) rolledBack.push(v);
      if (v.coverage) coverages.push((v.coverage.fact.covered / v.coverage.fact.total) * 100);
    }
    const meanCoverage = mean(coverages);
    const settled = settledIn.get(p.index)!;
    const inSla = settled.filter((s) => s.outcome === 'in-sla').length;
    const share = percentOf({ part: wellPackaged, whole: list.length - pending });
    const patchCoverage = percentOf({ part: inSla, whole: settled.length });
    return {
      start: formatInstant(p.start),
      end: formatInstant(p.end),
      current: p.current,
      releases: list.length,
      wellPackaged,
      pending,
      notWellPackaged: list.length - wellPackaged - pending,
      rolledBack: rolledBack.length,
      share,
      medianRollbackMinutes: median(
        rolledBack.flatMap((v) => (v.rollbacks[0]!.durationMinutes === null ? [] : [v.rollbacks[0]!.durationMinutes])),
      ),
      patchesSettled: settled.length,
      patchesInSla: inSla,
      patchCoverage,
      rollbackRate: percentOf({ part: rolledBack.length, whole: list.length }),
      failing,
      passRates: passRatesOf({ failing, decided: list.length - pending }),
      devopsActivities: byKind,
      devopsActivitiesPerRelease: list.length === 0 ? null : activities / list.length,
      meanCoverage: meanCoverage === null ? null : roundPercent(meanCoverage),
      onTarget: judgeTargets({ targets, wellPackaged, share, patchCoverage }),
    };
  });

  const fixHours = settlements.flatMap((s) =>
    s.outcome !== 'excluded' &&
    s.fixedAt !== null &&
    s.fixedAt >= shown.start &&
    s.fixedAt < shown.end &&
    s.fixedAt <= now
      ? [(s.fixedAt - s.openedAt) / HOUR]
      : [],
  );

  return {
    name,
    periods: periodReports,
    openAlertsPastDue: settlements.filter((s) => s.openPastDue).length,
    targets,
    medianTimeToFixHours: median(fixHours),
    topRollbackReasons: topRollbackReasons({ verdicts }),
    repos,
    rules: {
      rollbackWindowHours: rules.rollbackWindow / HOUR,
      maxDevopsActivities: rules.maxDevopsActivities,
      minCoverage: rules.minCoverage,
      coverageFallback: rules.coverage.fallback,
      devopsKinds: rules.devops.kinds,
      patchSlaHours: {
        critical: rules.patches.sla.critical / HOUR,
        high: rules.patches.sla.high / HOUR,
        medium: rules.patches.sla.medium / HOUR,
        low: rules.patches.sla.low / HOUR,
      },
      dismissedAsFixed: rules.patches.dismissedAsFixed,
    },
  };
}
