import type { Instant } from '../time/index.ts';

/**
 * One webhook delivery as GitHub sent it (the App stores these; the CLI reads
 * them from JSONL). `id` is `X-GitHub-Delivery`, `name` is `X-GitHub-Event`,
 * `at` is when GitHub delivered it, when known.
 */
export interface WebhookDelivery {
  id: string;
  name: string;
  payload: unknown;
  at?: string | undefined;
}

/**
 * Every fact carries `origin`: the delivery id (or a synthetic id for facts
 * read from the REST API). It breaks ties deterministically, so the order in
 * which facts arrive never changes a result.
 */
interface FactBase {
  /** `owner/name` */
  repo: string;
  origin: string;
}

/** A `release` published/released delivery. Time: `publishedAt`. */
export interface ReleaseFact extends FactBase {
  type: 'release';
  tag: string;
  name: string | null;
  publishedAt: Instant;
  draft: boolean;
  prerelease: boolean;
  /**
   * When this version of the release was delivered (the delivery's `at`);
   * null (or absent, in facts stored before it existed) when unknown. A
   * promotion of a prerelease keeps `published_at`: only this tells when
   * the release became a full one.
   */
  deliveredAt?: Instant | null;
}

/** Where a release's commit came from, strongest first. No time: always known. */
export type ReleaseShaOrigin = 'target' | 'push' | 'api';

export interface ReleaseShaFact extends FactBase {
  type: 'release-sha';
  tag: string;
  sha: string;
  via: ReleaseShaOrigin;
  /**
   * A push's `repository.pushed_at`: which of several pushes of one tag is
   * the latest (docs/kpis.md, "A moved tag"). null (or absent) when the
   * payload does not say, and for other sources.
   */
  pushedAt?: Instant | null;
}

/**
 * A release deleted, unpublished, or marked prerelease. `at` is the delivery
 * time; null when the delivery had none (the engine then uses the release's
 * publishedAt, docs/kpis.md, "Facts and where they come from").
 */
export interface RetractionFact extends FactBase {
  type: 'retraction';
  tag: string;
  action: 'deleted' | 'unpublished' | 'prereleased';
  at: Instant | null;
}

export interface Actor {
  login: string;
  isBot: boolean;
}

/** One `deployment_status` delivery. Time: the status' `createdAt`. */
export interface DeploymentStatusFact extends FactBase {
  type: 'deployment-status';
  deploymentId: number;
  state: string;
  statusCreatedAt: Instant;
  environment: string;
  sha: string;
  /** `deployment.ref`: a branch, a tag (`v1` or `refs/tags/v1`) or a sha. */
  ref: string;
  deploymentCreatedAt: Instant;
  creator: Actor | null;
  /** The payload had a `workflow_run`: the deployment was made by a workflow. */
  viaWorkflow: boolean;
}

/** A completed `workflow_run` attempt. Time: `startedAt` (`run_started_at`). */
export interface WorkflowRunFact extends FactBase {
  type: 'workflow-run';
  runId: number;
  attempt: number;
  /** `workflow_run.name`, or `workflow.name` when that is empty. */
  name: string;
  event: string;
  conclusion: string | null;
  headSha: string;
  headBranch: string | null;
  startedAt: Instant;
  updatedAt: Instant;
  displayTitle: string | null;
}

/** A `deployment_review` approved delivery. Time: `at`. */
export interface ApprovalFact extends FactBase {
  type: 'approval';
  runId: number;
  attempt: number;
  /** Approver's login, else the sender's. */
  approver: string;
  byBot: boolean;
  sha: string | null;
  ref: string | null;
  at: Instant;
  /**
   * Since when the run waited for this review: the payload's `since`, else
   * the run attempt's `run_started_at` (docs/kpis.md, "Time spent"). null (or
   * absent, in facts stored before it existed) when neither is known.
   */
  waitingSince?: Instant | null;
}

/** An issue or pull request labelled. Time: `at`. */
export interface LabelFact extends FactBase {
  type: 'label';
  number: number;
  label: string;
  title: string;
  body: string | null;
  at: Instant;
}

/** A pull request closed with `merged: true`. Time: `mergedAt`. */
export interface MergedPullFact extends FactBase {
  type: 'merged-pull';
  number: number;
  headRef: string;
  title: string;
  mergedAt: Instant;
}

/** A completed `shipwell/coverage` check run. Time: `at` (`completed_at`). */
export interface CoverageFact extends FactBase {
  type: 'coverage';
  checkRunId: number;
  sha: string;
  covered: number;
  total: number;
  at: Instant;
}

/** A completed `shipwell/rollback` check run. Time: `at` (`completed_at`). */
export interface RecordedRollbackFact extends FactBase {
  type: 'recorded-rollback';
  checkRunId: number;
  sha: string;
  tag: string | null;
  reason: string | null;
  at: Instant;
}

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type AlertState = 'open' | 'fixed' | 'dismissed' | 'auto_dismissed';

/** One observation of a Dependabot alert. Time: `updatedAt`. */
export interface AlertFact extends FactBase {
  type: 'alert';
  number: number;
  state: AlertState;
  /** null when the payload names a severity we do not know (gets the default SLA). */
  severity: Severity | null;
  createdAt: Instant;
  updatedAt: Instant;
  fixedAt: Instant | null;
  dismissedAt: Instant | null;
  autoDismissedAt: Instant | null;
}

/**
 * Topics and custom properties seen on `repository` of any delivery. No time:
 * always known. null means "said nothing"; `observedAt` (delivery `at`, else
 * the repository's `updated_at`) orders observations, newest wins.
 */
export interface RepoInfoFact extends FactBase {
  type: 'repo-info';
  topics: string[] | null;
  customProperties: Record<string, string | string[]> | null;
  observedAt: Instant | null;
}

export type Fact =
  | ReleaseFact
  | ReleaseShaFact
  | RetractionFact
  | DeploymentStatusFact
  | WorkflowRunFact
  | ApprovalFact
  | LabelFact
  | MergedPullFact
  | CoverageFact
  | RecordedRollbackFact
  | AlertFact
  | RepoInfoFact;

export type FactType = Fact['type'];

/**
 * What normalizing one delivery gave: facts, or the reason it says nothing
 * about KPIs — an ignored delivery may still carry the `repo-info` fact of its
 * repository (topics and custom properties feed segments).
 */
export type NormalizedDelivery = { kind: 'facts'; facts: Fact[] } | { kind: 'ignored'; reason: string; facts?: Fact[] };
