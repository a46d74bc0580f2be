import type { Config, DevopsKind, SegmentRules, SegmentTargets } from '../config/types.ts';
import { DEVOPS_KINDS } from '../config/types.ts';
import type { SegmentPeriodReport, SegmentReport, TargetVerdicts, VerdictReason } from '../report/types.ts';
import { VERDICT_REASONS } from '../report/types.ts';
import { formatInstant, HOUR, type Instant, MINUTE } from '../time/index.ts';
import { type Period, periodIndex } from './periods.ts';
import { median, percentOf, roundPercent } from './statistics.ts';
import { topRollbackReasons } from './top-rollback-reasons.ts';
import type { PatchSettlement, ReleaseVerdict, Rollback } from './types.ts';

/** One shown period's running counts. */
interface PeriodCounts {
  period: Period;
  releases: number;
  wellPackaged: number;
  pending: number;
  activities: number;
  failing: Record<VerdictReason, number>;
  byKind: Record<DevopsKind, number>;
  /** Per kind, the timed activities' durations summed in whole milliseconds (exact, so in any order). */
  msByKind: Record<DevopsKind, number>;
  untimedByKind: Record<DevopsKind, number>;
  rolledBack: number;
  /** The first rollback's duration of each rolled-back release that has one. */
  rollbackMinutes: number[];
  coverageSum: number;
  coverages: number;
  settled: number;
  inSla: number;
}

/**
 * A segment's numbers (docs/kpis.md, "Periods and time"), added up one release and one alert at a
 * time, so a caller can drop each repo's verdicts once they are counted.
 * Everything is a count, a set or a median, whose result does not depend on
 * the order things are added — except the mean coverage, a floating-point sum:
 * `addCoverage` must be called in report order (the order of `releases`) to
 * give the same bits whatever order the repos were evaluated in.
 */
export interface SegmentTally {
  addRepo(repo: string): void;
  /** A shown release (publishedAt in a shown period); its coverage goes to addCoverage. */
  addRelease(verdict: ReleaseVerdict): void;
  /** A shown release's coverage percent, in report order. */
  addCoverage({ publishedAt, percent }: { publishedAt: Instant; percent: number }): void;
  addSettlement(settlement: PatchSettlement): void;
  summarize({ name, rules, targets }: { name: string; rules: SegmentRules; targets: SegmentTargets }): SegmentReport;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function zeroByKind(): Record<DevopsKind, number> {
  return Object.fromEntries(DEVOPS_KINDS.map((k) => [k, 0])) as Record<DevopsKind, number>;
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

function reportPeriod(c: PeriodCounts, targets: SegmentTargets): SegmentPeriodReport {
  const { period, releases, wellPackaged, pending, failing } = c;
  const share = percentOf({ part: wellPackaged, whole: releases - pending });
  const patchCoverage = percentOf({ part: c.inSla, whole: c.settled });
  return {
    start: formatInstant(period.start),
    end: formatInstant(period.end),
    current: period.current,
    releases,
    wellPackaged,
    pending,
    notWellPackaged: releases - wellPackaged - pending,
    rolledBack: c.rolledBack,
    share,
    medianRollbackMinutes: median(c.rollbackMinutes),
    patchesSettled: c.settled,
    patchesInSla: c.inSla,
    patchCoverage,
    rollbackRate: percentOf({ part: c.rolledBack, whole: releases }),
    failing,
    passRates: passRatesOf({ failing, decided: releases - pending }),
    devopsActivities: c.byKind,
    devopsActivitiesPerRelease: releases === 0 ? null : c.activities / releases,
    devopsMinutes: Object.fromEntries(
      DEVOPS_KINDS.map((kind) => [kind, kind === 'hotfix' ? null : c.msByKind[kind] / MINUTE]),
    ) as Record<DevopsKind, number | null>,
    devopsUntimed: c.untimedByKind,
    meanCoverage: c.coverages === 0 ? null : roundPercent(c.coverageSum / c.coverages),
    onTarget: judgeTargets({ targets, wellPackaged, share, patchCoverage }),
  };
}

/** An empty tally over the shown `periods` (oldest first); `shown` is their span. */
export function createSegmentTally({
  periods,
  config,
  now,
  shown,
}: {
  periods: readonly Period[];
  config: Pick<Config, 'period' | 'periodAnchor'>;
  now: Instant;
  shown: { start: Instant; end: Instant };
}): SegmentTally {
  const counts = new Map<number, PeriodCounts>(
    periods.map((period) => [
      period.index,
      {
        period,
        releases: 0,
        wellPackaged: 0,
        pending: 0,
        activities: 0,
        failing: { 'rolled-back': 0, 'devops-activities': 0, 'coverage-below-threshold': 0, 'coverage-missing': 0 },
        byKind: zeroByKind(),
        msByKind: zeroByKind(),
        untimedByKind: zeroByKind(),
        rolledBack: 0,
        rollbackMinutes: [],
        coverageSum: 0,
        coverages: 0,
        settled: 0,
        inSla: 0,
      },
    ]),
  );
  const repos: string[] = [];
  const firstRollbacks: Rollback[] = [];
  const fixHours: number[] = [];
  const pastDue: PatchSettlement[] = [];

  return {
    addRepo(repo) {
      repos.push(repo);
    },
    addRelease(v) {
      const first = v.rollbacks[0];
      if (first) firstRollbacks.push(first);
      const c = counts.get(periodIndex({ at: v.release.publishedAt, config }));
      if (!c) return;
      c.releases++;
      if (v.status === 'well-packaged') c.wellPackaged++;
      else if (v.status === 'pending') c.pending++;
      for (const reason of v.reasons) c.failing[reason]++;
      for (const a of v.activities) {
        c.byKind[a.kind]++;
        if (a.minutes !== null) c.msByKind[a.kind] += Math.round(a.minutes * MINUTE);
        else if (a.kind !== 'hotfix') c.untimedByKind[a.kind]++;
      }
      c.activities += v.activities.length;
      if (first) {
        c.rolledBack++;
        if (first.durationMinutes !== null) c.rollbackMinutes.push(first.durationMinutes);
      }
    },
    addCoverage({ publishedAt, percent }) {
      const c = counts.get(periodIndex({ at: publishedAt, config }));
      if (!c) return;
      c.coverageSum += percent;
      c.coverages++;
    },
    addSettlement(s) {
      if (s.openPastDue) pastDue.push(s);
      if (s.settledAt !== null && s.settledAt <= now) {
        const c = counts.get(periodIndex({ at: s.settledAt, config }));
        if (c) {
          c.settled++;
          if (s.outcome === 'in-sla') c.inSla++;
        }
      }
      if (
        s.outcome !== 'excluded' &&
        s.fixedAt !== null &&
        s.fixedAt >= shown.start &&
        s.fixedAt < shown.end &&
        s.fixedAt <= now
      ) {
        fixHours.push((s.fixedAt - s.openedAt) / HOUR);
      }
    },
    summarize({ name, rules, targets }) {
      return {
        name,
        periods: [...counts.values()].map((c) => reportPeriod(c, targets)),
        openAlertsPastDue: pastDue.length,
        alertsPastDue: pastDue
          .sort((a, b) => a.due - b.due || compareText(a.repo, b.repo) || a.number - b.number)
          .map((s) => ({
            repo: s.repo,
            number: s.number,
            severity: s.severity,
            openedAt: formatInstant(s.openedAt),
            due: formatInstant(s.due),
          })),
        targets,
        medianTimeToFixHours: median(fixHours),
        topRollbackReasons: topRollbackReasons({ firstRollbacks }),
        repos: repos.sort(),
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
    },
  };
}
