import type { DevopsKind, RollbackSignal, SegmentTargets } from '../config/types.ts';
import type { Severity } from '../events/types.ts';

/**
 * The JSON report (docs/report.md). Field names are a contract with users'
 * tools: add freely, never rename. Times are ISO-8601 UTC with milliseconds;
 * percentages are 0–100 rounded half up to one decimal, or null.
 */
export interface Report {
  now: string;
  periods: ReportPeriod[];
  releases: ReleaseReport[];
  segments: SegmentReport[];
  /**
   * What the input held that a reader should know and that did not stop the
   * report (a delivery id with two payloads): one sentence each, sorted,
   * empty when none; never dependent on input order.
   */
  warnings: string[];
}

export interface ReportPeriod {
  start: string;
  end: string;
  current: boolean;
}

export type ReleaseStatus = 'well-packaged' | 'not-well-packaged' | 'pending';
export type VerdictReason = 'rolled-back' | 'devops-activities' | 'coverage-below-threshold' | 'coverage-missing';
export const VERDICT_REASONS: readonly VerdictReason[] = [
  'rolled-back',
  'devops-activities',
  'coverage-below-threshold',
  'coverage-missing',
];

/**
 * The GitHub object behind a criterion, by its ids (docs/kpis.md, "Evidence"):
 * a renderer makes its web address from the repo and the GitHub host
 * (evidenceUrl). A workflow run's attempt, a deployment with its
 * environment, a pull request (revert PR), an issue or pull request
 * (label), a check run (`shipwell/coverage`, `shipwell/rollback`), a release
 * (hotfix, retraction).
 */
export type Evidence =
  | { kind: 'workflow-run'; runId: number; attempt: number }
  | { kind: 'deployment'; deploymentId: number; environment: string }
  | { kind: 'pull-request'; number: number }
  | { kind: 'issue'; number: number }
  | { kind: 'check-run'; checkRunId: number }
  | { kind: 'release'; tag: string };

export interface RollbackReport {
  at: string;
  signal: RollbackSignal;
  reason: string | null;
  /** How long rolling back took (redeploy, workflow); null for other signals. */
  durationMinutes: number | null;
  /** What said it: the redeployment, retracted release, workflow run, labelled issue, revert PR or `shipwell/rollback` check run. */
  evidence: Evidence;
}

export interface CoverageReport {
  covered: number;
  total: number;
  /** The check run's sha: the release's own, or another commit's (fallback). */
  sha: string;
  at: string;
  fallback: boolean;
  /** The `shipwell/coverage` check run read. */
  checkRunId: number;
}

export interface ActivityReport {
  kind: DevopsKind;
  at: string;
  /** The time it took in minutes (docs/kpis.md, "Time spent"); null for a hotfix and when not known. */
  minutes: number | null;
  /** What counted: the workflow run's attempt (manual run, re-run, approval), the deployment, the hotfix release. */
  evidence: Evidence;
}

export interface ReleaseReport {
  repo: string;
  tag: string;
  sha: string | null;
  segment: string;
  publishedAt: string;
  /** publishedAt + rollbackWindow: the verdict is final from then on. */
  windowEnd: string;
  status: ReleaseStatus;
  reasons: VerdictReason[];
  /** Line coverage percent, rounded for display; null when there is none. */
  coverage: number | null;
  coverageReport: CoverageReport | null;
  devopsActivities: number;
  activities: ActivityReport[];
  /** The rollback that counts (the first in the window), or null. */
  rollback: RollbackReport | null;
  /** Every rollback seen in the window, first first; only the first counts. */
  rollbacks: RollbackReport[];
  prerelease: boolean;
}

export interface SegmentPeriodReport {
  start: string;
  end: string;
  current: boolean;
  releases: number;
  wellPackaged: number;
  pending: number;
  notWellPackaged: number;
  rolledBack: number;
  share: number | null;
  /** rolledBack / releases × 100. */
  rollbackRate: number | null;
  medianRollbackMinutes: number | null;
  /** Releases failing each criterion (a release may fail several). */
  failing: Record<VerdictReason, number>;
  /**
   * Per criterion, the decided releases (releases − pending) that do not fail
   * it × 100: the input metrics under the share. Null when none is decided.
   */
  passRates: Record<VerdictReason, number | null>;
  /** DevOps activities counted for the period's releases, by kind. */
  devopsActivities: Record<DevopsKind, number>;
  devopsActivitiesPerRelease: number | null;
  /**
   * Minutes the period's activities took, by kind (docs/kpis.md, "Time
   * spent"): the sum over the timed ones; null for `hotfix`, never timed.
   */
  devopsMinutes: Record<DevopsKind, number | null>;
  /** Activities of a timed kind whose time is not known (still running, or REST could not say), by kind. */
  devopsUntimed: Record<DevopsKind, number>;
  /** Mean line coverage of the period's releases that have coverage. */
  meanCoverage: number | null;
  patchesSettled: number;
  patchesInSla: number;
  patchCoverage: number | null;
  onTarget: TargetVerdicts;
}

/** For each target set: is the number on target (null while it is null). */
export interface TargetVerdicts {
  wellPackaged?: boolean | null;
  share?: boolean | null;
  patchCoverage?: boolean | null;
}

/** One open Dependabot alert whose due time has passed. */
export interface AlertPastDueReport {
  repo: string;
  number: number;
  /** null when GitHub named a severity Shipwell does not know (the default SLA applied). */
  severity: Severity | null;
  openedAt: string;
  due: string;
}

export interface RollbackReasonCount {
  reason: string;
  count: number;
}

/** The rules a segment's releases and alerts were judged by (config deep-merged with its override). */
export interface SegmentRulesReport {
  rollbackWindowHours: number;
  maxDevopsActivities: number;
  minCoverage: number;
  coverageFallback: 'latest-before' | 'none';
  devopsKinds: DevopsKind[];
  patchSlaHours: Record<Severity, number>;
  dismissedAsFixed: boolean;
}

export interface SegmentReport {
  name: string;
  repos: string[];
  rules: SegmentRulesReport;
  periods: SegmentPeriodReport[];
  openAlertsPastDue: number;
  /** The open alerts past due, the longest overdue first. */
  alertsPastDue: AlertPastDueReport[];
  targets: SegmentTargets;
  medianTimeToFixHours: number | null;
  topRollbackReasons: RollbackReasonCount[];
}
