import type { DevopsKind, RollbackSignal } from '../config/types.ts';
import type { AlertState, RepoInfoFact, Severity } from '../events/types.ts';
import type { Evidence, ReleaseStatus, VerdictReason } from '../report/types.ts';
import type { Instant } from '../time/index.ts';

/** An in-scope release (docs/kpis.md, "The North Star: well-packaged releases per two weeks") with its window. */
export interface ScopedRelease {
  repo: string;
  tag: string;
  name: string | null;
  sha: string | null;
  publishedAt: Instant;
  /** publishedAt + the segment's rollbackWindow (exclusive). */
  windowEnd: Instant;
  prerelease: boolean;
}

export interface Rollback {
  tag: string;
  at: Instant;
  signal: RollbackSignal;
  reason: string | null;
  durationMinutes: number | null;
  /** Breaks ties within one signal at one instant. */
  order: string;
  evidence: Evidence;
}

export interface DevopsActivity {
  kind: DevopsKind;
  at: Instant;
  sha: string | null;
  ref: string | null;
  /** The time it took, in minutes (docs/kpis.md, "Time spent"); null for a hotfix and when not known. */
  minutes: number | null;
  evidence: Evidence;
}

/** One `shipwell/coverage` check run as the engine reduced it: its content, at its earliest completion. */
export interface CoverageReading {
  checkRunId: number;
  sha: string;
  covered: number;
  total: number;
  at: Instant;
}

export interface ChosenCoverage extends CoverageReading {
  /** Chosen by the `latest-before` fallback, not by the release's sha. */
  fallback: boolean;
}

/** Everything decided about one release at `now`. */
export interface ReleaseVerdict {
  release: ScopedRelease;
  segment: string;
  status: ReleaseStatus;
  reasons: VerdictReason[];
  coverage: ChosenCoverage | null;
  activities: DevopsActivity[];
  /** Rollbacks in the window, first first; only the first counts. */
  rollbacks: Rollback[];
}

/** How an alert settled at `now` (docs/kpis.md, "Security-patch coverage"). */
export interface PatchSettlement {
  repo: string;
  number: number;
  segment: string;
  severity: Severity | null;
  openedAt: Instant;
  due: Instant;
  /** settled in SLA, breached, still open (pending) or excluded by an early dismissal. */
  outcome: 'in-sla' | 'breached' | 'pending' | 'excluded';
  /** When it settled (fix time or due time); null while pending or excluded. */
  settledAt: Instant | null;
  /** The fix (or, with dismissedAsFixed, the dismissal) that counts, when at or before now. */
  fixedAt: Instant | null;
  openPastDue: boolean;
}

/**
 * What the facts known at an evaluation's `now` say about one release,
 * without what only the passing of time decides (its status): a release
 * verdict minus status and reasons, with both coverage candidates (the
 * choice between them is a rule), plus what a later re-evaluation that
 * starts at this release's publication reads beside its time range
 * (docs/kpis.md, "Re-evaluating only what can change").
 */
export interface ReleaseEvaluation {
  release: ScopedRelease;
  activities: DevopsActivity[];
  rollbacks: Rollback[];
  /** The newest coverage of the release's sha completed before its window closes. */
  ownCoverage: CoverageReading | null;
  /** The repo's newest coverage at or before publishedAt (the `latest-before` fallback). */
  coverageBefore: CoverageReading | null;
  /** Per environment, the deployment id that last succeeded before publishedAt (with the `redeploy` signal on). */
  deploymentsBefore: number[];
}

/**
 * One Dependabot alert reduced from every observation known at the
 * evaluation's `now`: enough to settle it at any later `now` (settleAlert).
 */
export interface AlertEvaluation {
  number: number;
  /** The earliest `created_at` seen. */
  openedAt: Instant;
  severity: Severity | null;
  /** The state of the newest observation. */
  state: AlertState;
  /** When the alert is dismissed now: when that dismissal happened. */
  dismissedAt: Instant | null;
  /** The earliest `fixed_at` ever seen. */
  firstFixAt: Instant | null;
  /** The earliest dismissal or auto-dismissal ever seen, the current one's time included. */
  firstDismissalAt: Instant | null;
}

/**
 * One repository evaluated at `now` from every fact known then: plain JSON
 * (the App stores it as one row for the repo, one per release, one per
 * alert). `judgeRepoEvaluation` turns it into verdicts and settlements at
 * any later `now`, `tallyReport` into the report.
 */
export interface RepoEvaluation {
  /** The engine's format: an evaluation of another version is re-evaluated in full. */
  version: number;
  repo: string;
  /** The facts known at this instant are evaluated. */
  now: Instant;
  segment: string;
  /** What of the config the evaluation depends on, in the repo's segment (see evaluationConfigKey). */
  configKey: string;
  /** The repo-info facts that decide the repo's topics and custom properties (see reduceRepoInfo). */
  repoInfo: RepoInfoFact[];
  /** In-scope releases, oldest first. */
  releases: ReleaseEvaluation[];
  /** Alerts known at `now`, by number. */
  alerts: AlertEvaluation[];
}
