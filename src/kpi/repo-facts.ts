import type {
  Actor,
  AlertFact,
  ApprovalFact,
  CoverageFact,
  LabelFact,
  MergedPullFact,
  RecordedRollbackFact,
  RepoInfoFact,
  WorkflowRunFact,
} from '../events/types.ts';
import type { Instant } from '../time/index.ts';

/**
 * What is known about one repository at `now`, each fact reduced by its key
 * (docs/kpis.md, "Facts and where they come from"): the earliest time counts, alerts follow their newest update.
 * Built by `indexFacts`; everything downstream reads only this.
 */
export interface RepoFacts {
  repo: string;
  releases: Map<string, ReleaseState>;
  /** tag → commit sha: the strongest source; a moved tag its latest push; then the greatest sha. */
  shas: Map<string, string>;
  retractions: RetractionState[];
  deployments: Map<number, DeploymentState>;
  /** Every workflow run attempt, one fact each. */
  runs: WorkflowRunFact[];
  approvals: ApprovalFact[];
  labels: LabelFact[];
  pulls: Map<number, MergedPullFact>;
  coverage: CoverageFact[];
  recordedRollbacks: RecordedRollbackFact[];
  alerts: Map<number, AlertFact[]>;
  topics: string[] | null;
  customProperties: Record<string, string | string[]>;
  /** The repo-info facts that decided topics and custom properties (see reduceRepoInfo). */
  repoInfo: RepoInfoFact[];
}

export interface ReleaseState {
  tag: string;
  name: string | null;
  /** Earliest published_at seen. */
  publishedAt: Instant;
  /** Only when every published/released delivery said so. */
  draft: boolean;
  prerelease: boolean;
  /**
   * Since when a non-pre version of the release is known: the earliest
   * delivery time (else published_at) of a published/released delivery
   * saying `prerelease: false`; null when every one said prerelease.
   */
  fullSince: Instant | null;
}

export interface RetractionState {
  tag: string;
  action: 'deleted' | 'unpublished' | 'prereleased';
  at: Instant;
  origin: string;
}

export interface DeploymentState {
  id: number;
  environment: string;
  sha: string;
  ref: string;
  createdAt: Instant;
  creator: Actor | null;
  viaWorkflow: boolean;
  /** The first `success` status, or null for a deployment that never succeeded. */
  succeededAt: Instant | null;
  /** The first status that ended it (`success`, `failure` or `error`), or null while none has (docs/kpis.md, "Time spent"). */
  finishedAt: Instant | null;
  /** The delivery whose copy of the deployment's fields is kept (the smallest origin). */
  infoOrigin: string;
}
