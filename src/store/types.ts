import type { Fact, WebhookDelivery } from '../events/types.ts';
import type { Instant } from '../time/index.ts';

/** A value a query may bind: text, a number, or SQL NULL. */
export type SqlScalar = string | number | null;
/** A statement parameter; arrays bind on PostgreSQL only (`unnest($1::text[])`). */
export type SqlValue = SqlScalar | readonly SqlScalar[];

/** Runs one statement; `$1`, `$2`… are its parameters in both dialects. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

/**
 * The database port the store is built on: one per dialect (`openSqlite`,
 * `openPostgres`), each wrapping a handle it was handed. The store's SQL is
 * written once for both; only row claims differ (`FOR UPDATE SKIP LOCKED`).
 */
export interface SqlDatabase extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Housekeeping a connection's commits do not do themselves: on SQLite opened
   * with `checkpoints: 'manual'`, copies the write-ahead log into the database
   * file. Nothing otherwise.
   */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

export type DeliveryStatus = 'pending' | 'processed' | 'failed';

/**
 * What `recordDelivery` stores: a parsed delivery (located at once), or the
 * payload text exactly as received (the webhook path: stored untouched, no
 * parse before the answer; located when the worker claims it).
 */
export type RecordInput =
  | { delivery: WebhookDelivery; receivedAt: Instant; installationId: number | null }
  | { received: { id: string; name: string; at: string; payloadText: string }; receivedAt: Instant };

/** A delivery as stored: the raw delivery plus its place in the queue. */
export interface StoredDelivery {
  delivery: WebhookDelivery;
  /** Why the stored payload cannot be read (not JSON); its `delivery.payload` is then null. */
  unreadable?: string;
  receivedAt: Instant;
  installationId: number | null;
  org: string | null;
  repo: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Instant;
  lastError: string | null;
  processedAt: Instant | null;
  /** How many times processing committed (1 for a processed delivery: read once). */
  processCount: number;
}

/** A claim held by one worker until `until`; work committed under an expired claim is refused. */
export interface Claim {
  worker: string;
  now: Instant;
  /** How long the claim lasts, in ms. */
  lease: number;
}

export interface RepoRecord {
  repo: string;
  org: string;
  installationId: number | null;
  /** When it was last marked for re-evaluation; null when up to date. */
  dirtyAt: Instant | null;
  /** Grows with every mark, so a mark made during a re-evaluation is not lost. */
  dirtyVersion: number;
  /**
   * When the App first heard of it: verdicts of releases whose window closed
   * before then are history (backfilled), not published.
   */
  knownSince: Instant;
}

export interface StoredConfig {
  /** `owner/name` for a repository's config, `owner` for the org's. */
  scope: string;
  /** The object Probot's `context.config` returned (null: no file). */
  value: unknown;
  /** Why the file was rejected, when it was. */
  error: string | null;
  readAt: Instant;
}

/** An installation's backfill jobs: all, done, and failed at their last attempt. */
export interface BackfillCounts {
  total: number;
  done: number;
  failed: number;
}

export interface BackfillJob {
  repo: string;
  org: string;
  installationId: number;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  lastError: string | null;
}

export interface QueueHealth {
  pending: number;
  failed: number;
  /** Receive time of the oldest delivery not yet processed. */
  oldestPendingAt: Instant | null;
  /** When the newest processed delivery was processed; null: none yet. */
  lastProcessedAt: Instant | null;
  dirtyRepos: number;
  backfillsPending: number;
  timers: number;
}

/**
 * The App's durable state (the I/O part of the core): deliveries as received
 * and their queue, the facts they gave, repositories and their configs,
 * backfills, scheduled re-evaluations and what has been published.
 */
export interface Store {
  readonly dialect: SqlDatabase['dialect'];
  /**
   * Stores a delivery before it is acknowledged; false when its id was already
   * stored (nothing changes). Deliveries arriving together are written in one
   * transaction (group commit): each call resolves once its row is durable.
   */
  recordDelivery(input: RecordInput): Promise<boolean>;
  /** Claims up to `limit` deliveries due for processing (pending, or failed and due for a retry). */
  claimDeliveries(input: Claim & { limit: number }): Promise<StoredDelivery[]>;
  /**
   * Commits a delivery's facts and marks it processed, in one transaction,
   * only while `worker` still holds its claim (false otherwise: nothing written).
   * Marks every repository the facts touch for re-evaluation.
   */
  completeDelivery(input: { id: string; worker: string; facts: Fact[]; now: Instant }): Promise<boolean>;
  /** completeDelivery for a batch, in one transaction; returns the ids committed. */
  completeDeliveries(input: {
    worker: string;
    now: Instant;
    deliveries: { id: string; facts: Fact[] }[];
  }): Promise<Set<string>>;
  /** Keeps the error and schedules the next attempt. */
  failDelivery(input: { id: string; worker: string; error: string; now: Instant; retryAt: Instant }): Promise<void>;
  readDelivery(input: { id: string }): Promise<StoredDelivery | null>;
  /** Deliveries, oldest first, filtered by org and/or status. */
  listDeliveries(input: {
    org?: string;
    status?: DeliveryStatus;
    limit: number;
    /** Keyset paging: deliveries after this one. */
    after?: { receivedAt: Instant; id: string };
  }): Promise<StoredDelivery[]>;
  /** Which of these delivery ids are stored. */
  storedDeliveryIds(input: { ids: readonly string[] }): Promise<Set<string>>;
  /** Facts of one repository or of every repository of an org. */
  readFacts(input: { repo: string } | { org: string }): Promise<Fact[]>;
  /** Upserts facts by natural key and origin (backfill); marks their repositories for re-evaluation. */
  upsertFacts(input: { facts: Fact[]; now: Instant }): Promise<void>;
  /** Records a repository (installation id, org); keeps what is known. */
  upsertRepo(input: { repo: string; installationId: number | null; now: Instant }): Promise<void>;
  readRepo(input: { repo: string }): Promise<RepoRecord | null>;
  listRepos(input: { org: string }): Promise<RepoRecord[]>;
  /** Every org with a known repository (installed, or named by a stored fact), sorted. */
  listOrgs(): Promise<string[]>;
  /** Marks repositories for re-evaluation (config, segment or timer change). */
  markReposDirty(input: { repos: readonly string[]; now: Instant }): Promise<void>;
  /** Claims repositories waiting for re-evaluation. */
  claimDirtyRepos(input: Claim & { limit: number }): Promise<RepoRecord[]>;
  /**
   * Ends a claim: clears the dirty mark unless the repo was marked again
   * since `dirtyVersion` was read; with `retryAt`, keeps it and waits until then.
   */
  releaseRepo(input: { repo: string; worker: string; dirtyVersion: number; retryAt?: Instant }): Promise<void>;
  saveConfig(input: StoredConfig): Promise<void>;
  readConfig(input: { scope: string }): Promise<StoredConfig | null>;
  /** Queues a backfill of a repository (again, when it was not done). */
  enqueueBackfill(input: { repo: string; installationId: number; now: Instant }): Promise<void>;
  claimBackfills(input: Claim & { limit: number }): Promise<BackfillJob[]>;
  /** Stores the collected facts and marks the job done, only while the claim holds. */
  completeBackfill(input: { repo: string; worker: string; facts: Fact[]; now: Instant }): Promise<boolean>;
  failBackfill(input: { repo: string; worker: string; error: string; now: Instant; retryAt: Instant }): Promise<void>;
  readBackfill(input: { repo: string }): Promise<BackfillJob | null>;
  /** How far an installation's backfill is: its repositories' jobs, done and failed (the rest wait). */
  countBackfills(input: { installationId: number }): Promise<BackfillCounts>;
  /** Sets (or moves) the time a release must be re-evaluated (its window closes). */
  setTimer(input: { repo: string; tag: string; dueAt: Instant }): Promise<void>;
  clearTimer(input: { repo: string; tag: string }): Promise<void>;
  /** Removes the timers due at `now` and marks their repositories for re-evaluation; each timer fires once. */
  fireTimers(input: { now: Instant }): Promise<{ repo: string; tag: string }[]>;
  /**
   * Claims the right to publish `hash` for a release: false when that hash is
   * already the latest published (or being published) for it.
   */
  claimPublication(input: {
    repo: string;
    tag: string;
    hash: string;
    status: string;
    now: Instant;
    lease: number;
  }): Promise<number | null>;
  finishPublication(input: { repo: string; tag: string; generation: number; ok: boolean }): Promise<void>;
  latestPublication(input: {
    repo: string;
    tag: string;
  }): Promise<{ hash: string; status: string; state: string } | null>;
  /**
   * Remembers a redelivery request: true when it should be made now (never
   * asked, or last asked at least `askAgainAfter` ms ago — the redelivery
   * itself may have failed).
   */
  recordRedelivery(input: {
    deliveryId: string;
    hookDeliveryId: number;
    now: Instant;
    askAgainAfter: number;
  }): Promise<boolean>;
  /** A named lease for jobs one replica at a time should run (redelivery scan); true when taken. */
  takeLease(input: { name: string; holder: string; now: Instant; ttl: number }): Promise<boolean>;
  health(input: { now: Instant }): Promise<QueueHealth>;
  /**
   * Drops every claim (deliveries, repos, backfills, publications in progress).
   * Only for a database one process uses (SQLite), at start: claims left by a
   * crashed run are then taken over at once instead of when their lease ends.
   */
  releaseClaims(): Promise<void>;
  /** See SqlDatabase.checkpoint: the App's worker calls it on a schedule. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}
