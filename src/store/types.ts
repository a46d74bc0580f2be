import type { Fact, WebhookDelivery } from '../events/types.ts';
import type { FactSource, Reevaluation, RepoEvaluation } from '../kpi/index.ts';
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
 * written once for both; where a dialect needs its own statement, both stand
 * side by side in the slice that uses it.
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

export type Dialect = SqlDatabase['dialect'];

export type DeliveryStatus = 'pending' | 'processed' | 'failed';

/** A delivery as the webhook door received it: its payload text untouched, not even parsed. */
export interface ReceivedDelivery {
  /** `X-GitHub-Delivery` */
  id: string;
  /** `X-GitHub-Event` */
  name: string;
  /** When it was received, ISO-8601 (the delivery's `at`). */
  at: string;
  payloadText: string;
  receivedAt: Instant;
}

/** Where a delivery's payload points: its repository, org and installation (src/events `locateDelivery`). */
export interface DeliveryLocation {
  repo: string | null;
  org: string | null;
  installationId: number | null;
}

/** A delivery's place in the queue (what the API lists; no payload). */
export interface DeliveryRecord {
  id: string;
  name: string;
  /** When GitHub delivered it (as received), when known. */
  at: string | null;
  receivedAt: Instant;
  /** Where it points, once processing located it (nulls before). */
  location: DeliveryLocation;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Instant;
  lastError: string | null;
  processedAt: Instant | null;
  /** How many times processing committed (1 for a processed delivery: read once). */
  processCount: number;
}

/** A delivery claimed for processing: its queue record and the delivery, payload parsed. */
export interface StoredDelivery extends DeliveryRecord {
  delivery: WebhookDelivery;
  /** Why the stored payload cannot be read (not JSON); its `delivery.payload` is then null. */
  unreadable?: string;
}

/** A claim held by one worker until `now + lease`; work committed under an expired claim is refused. */
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
  /**
   * When the App first heard of it: verdicts of releases whose window closed
   * before then are history (backfilled), not published.
   */
  knownSince: Instant;
}

/** A repository waiting for its releases to be evaluated again, as claimed. */
export interface EvaluationRequest {
  repo: string;
  /** Grows with every request, so a request made during an evaluation is not lost. */
  version: number;
}

export interface StoredConfig {
  /** `owner/name` for a repository's config, `owner` for the org's. */
  scope: string;
  /**
   * The files the config loader read (ConfigReads of src/config: names,
   * texts, what was refused), resolved again on use. Rows stored before
   * held the merged object Probot's `context.config` returned (null: no
   * file); readStoredConfig still resolves those.
   */
  value: unknown;
  /** Why the file was rejected, when it was. */
  error: string | null;
  readAt: Instant;
}

/** An installation's backfill jobs: all, done, and failed at their last attempt; its two passes and budget. */
export interface BackfillCounts {
  total: number;
  done: number;
  failed: number;
  /** Repositories whose recent window (current and last complete period) is read (done ones included). */
  recentDone: number;
  /** Epoch ms until which the installation's rate limit is spent; null when not waiting. */
  waitingUntil: Instant | null;
  /** REST requests and GraphQL points the backfill spent so far. */
  requests: number;
  points: number;
  /** When the backfill began, and when every recent window was read (the partial report); null before. */
  startedAt: Instant | null;
  partialAt: Instant | null;
}

export interface BackfillJob {
  repo: string;
  org: string;
  installationId: number;
  status: 'pending' | 'done' | 'failed';
  /** 0: the recent window is next; 1: the rest back to the horizon (docs/app.md, "The first hour"). */
  stage: 0 | 1;
  /** Where the first pass began reading (the second reads up to it); null before. */
  recentSince: Instant | null;
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
  /** Repositories waiting to be evaluated. */
  dirtyRepos: number;
  /** Release verdicts waiting to be published (a failed publication included, until its retry). */
  verdictsToPublish: number;
  backfillsPending: number;
  timers: number;
}

/** The webhook door's slice: a delivery is stored here before it is acknowledged. */
export interface Inbox {
  /**
   * Stores a delivery as received; false when its id (or the same signed
   * payload under another id) was already stored: nothing changes.
   * Deliveries arriving together are written in one transaction (group
   * commit): each call resolves once its row is durable.
   */
  record(input: ReceivedDelivery): Promise<boolean>;
}

/** The delivery queue as the processing job sees it. */
export interface DeliveryQueue {
  /** Claims up to `limit` deliveries due for processing (pending, or failed and due for a retry), oldest first. */
  claim(input: Claim & { limit: number }): Promise<StoredDelivery[]>;
  /**
   * Marks deliveries processed (with where they point), only those `worker`
   * still holds; returns the ids marked. Call it in the transaction that
   * writes their facts, so both commit or neither does.
   */
  complete(input: {
    worker: string;
    now: Instant;
    deliveries: readonly { id: string; location: DeliveryLocation }[];
  }): Promise<Set<string>>;
  /** Keeps the error and schedules the next attempt. */
  fail(input: {
    id: string;
    worker: string;
    error: string;
    location: DeliveryLocation;
    now: Instant;
    retryAt: Instant;
  }): Promise<void>;
}

/** The groups of facts written since a repository was last evaluated ('all': read everything again). */
export interface FactChanges {
  /** The change rows read: the evaluation consumes exactly these once it is saved. */
  ids: number[];
  groups: string[] | 'all';
}

/**
 * Facts as stored (each distinct content once per repository, with the
 * least and greatest origin that said it), for writers (processing,
 * backfill) and readers (evaluation, reports, time travel).
 */
export interface FactLog {
  /**
   * Stores facts; the same facts again change nothing. Logs the group of
   * every fact that added or changed something, for the next evaluation of
   * its repository. Call it in the transaction that commits what the facts
   * came from.
   */
  write(input: { facts: readonly Fact[] }): Promise<void>;
  /** Facts of one repository or of every repository of an org (each content with its least and greatest origin). */
  read(input: { repo: string } | { org: string }): Promise<Fact[]>;
  /**
   * One page of the org's facts that no stored delivery says (the REST
   * backfill's), each content with its least and greatest origin, by
   * repository and content: what the deliveries export adds to the deliveries.
   */
  exportPage(input: {
    org: string;
    limit: number;
    after: { repo: string; content: string } | null;
  }): Promise<{ facts: Fact[]; count: number; last: { repo: string; content: string } | null }>;
  /** The engine's port over one repository's facts (src/kpi FactSource): indexed queries, never a full read. */
  source(input: { repo: string }): FactSource;
  /** What was written for a repository since its changes were last consumed. */
  changes(input: { repo: string }): Promise<FactChanges>;
  /** Drops change rows an evaluation has read (those written meanwhile stay). */
  consume(input: { ids: readonly number[] }): Promise<void>;
  /** The earliest own time of a repository's facts after `after` (a fact from the future counts then); null: none. */
  nextKnownAt(input: { repo: string; after: Instant }): Promise<Instant | null>;
  /** Drops the facts only these deliveries said (a delivery's payload was replaced); the repository is read in full next. */
  forget(input: { repo: string; origins: readonly string[] }): Promise<void>;
}

/** What the engine concluded about each repository, kept so reports never read facts. */
export interface EvaluationStates {
  /** A repository's last evaluation, whole; null when it has none. */
  read(input: { repo: string }): Promise<RepoEvaluation | null>;
  /** The `now` of a repository's last evaluation (one small row: is a copy in memory still current?); null when none. */
  evaluatedAt(input: { repo: string }): Promise<Instant | null>;
  /**
   * The evaluations of an org's repositories, with only the releases
   * published at or after `releasesFrom` (what a report's periods show).
   */
  readOrg(input: { org: string; releasesFrom: Instant }): Promise<RepoEvaluation[]>;
  /** Saves a re-evaluation: the repository's row, and only the release and alert rows it changed or removed. */
  save(input: { org: string; reevaluation: Omit<Reevaluation, 'read'> }): Promise<void>;
}

/** The repositories the App knows, with their installation. */
export interface RepoRegistry {
  /** Records repositories (installation id, org) in one statement; keeps what is known (a null installation changes nothing). */
  register(input: { repos: readonly { repo: string; installationId: number | null }[]; now: Instant }): Promise<void>;
  read(input: { repo: string }): Promise<RepoRecord | null>;
  list(input: { org: string }): Promise<RepoRecord[]>;
  /** Every org with a known repository (installed, or named by a stored fact), sorted. */
  orgs(): Promise<string[]>;
}

/** Repositories whose releases must be evaluated again (new facts, a config change, a window closing). */
export interface EvaluationQueue {
  /** Asks for the repositories to be evaluated again (registering any the App did not know). */
  request(input: { repos: readonly string[]; now: Instant }): Promise<void>;
  /** Claims repositories waiting for evaluation. */
  claim(input: Claim & { limit: number }): Promise<EvaluationRequest[]>;
  /**
   * Ends a claim: done unless the repo was asked for again since `version`
   * was read. Either way, while deliveries wait to be processed, it is not
   * claimed again before `soonest`, whenever the next request comes, so a
   * busy repository is evaluated once for many requests; with `retryAt` (the
   * evaluation failed), kept and tried again then.
   */
  release(input: {
    repo: string;
    worker: string;
    version: number;
    retryAt?: Instant;
    soonest?: Instant;
    /** When nobody asked meanwhile: come back at this time (a fact dated in the future counts then); else done. */
    next?: Instant;
  }): Promise<void>;
}

/** When a release must be evaluated again by itself: its window closes. */
export interface Timers {
  /** Sets (or moves) the time a release must be evaluated again. */
  set(input: { repo: string; tag: string; dueAt: Instant }): Promise<void>;
  clear(input: { repo: string; tag: string }): Promise<void>;
  /** Removes the timers due at `now` and returns them; each fires once. */
  fire(input: { now: Instant }): Promise<{ repo: string; tag: string }[]>;
}

/** A release's latest verdict as the evaluation job saves it. */
export interface VerdictRecord {
  tag: string;
  /** Changes whenever anything published about the verdict changes. */
  hash: string;
  status: string;
  windowEnd: Instant;
  /** The release's row of the JSON report. */
  body: string;
  /** False for history (its window closed before the App knew the repo): saved, never published. */
  publish: boolean;
}

/** A release whose latest verdict waits to be published, as claimed. */
export interface PendingPublication {
  repo: string;
  tag: string;
  hash: string;
  body: string;
  attempts: number;
}

/**
 * The latest verdict of each release and what of it was published: a
 * verdict whose hash differs from the one last published waits for the
 * publishing job, which one replica at a time claims.
 */
export interface Verdicts {
  /**
   * Saves a repository's verdicts, writing only those whose hash changed;
   * those wait for publishing (history never does); releases no longer
   * listed are dropped. Returns the tags that now wait, the tags written,
   * and the tags dropped (as stored: a long tag by its column key).
   */
  save(input: {
    repo: string;
    verdicts: readonly VerdictRecord[];
    now: Instant;
  }): Promise<{ waiting: string[]; changed: string[]; removed: string[] }>;
  /** Claims releases whose latest verdict waits to be published. */
  claim(input: Claim & { limit: number }): Promise<PendingPublication[]>;
  /** Records that `hash` was published; a newer verdict saved meanwhile still waits. */
  published(input: { repo: string; tag: string; hash: string; worker: string }): Promise<void>;
  fail(input: { repo: string; tag: string; worker: string; error: string; retryAt: Instant }): Promise<void>;
}

/** One backfill job per repository, resumable after a restart. */
export interface Backfills {
  /** Queues a backfill of a repository (again, when it was not done). */
  enqueue(input: { repo: string; installationId: number; now: Instant }): Promise<void>;
  /**
   * Claims up to `limit` jobs of one installation: the one served longest
   * ago whose rate limit is not spent (so one busy org cannot starve the
   * others); recent windows before the rest.
   */
  claim(input: Claim & { limit: number }): Promise<BackfillJob[]>;
  /**
   * Ends a pass, only while `worker` holds its claim; call it with the facts'
   * write. `recentSince` (after the first pass): the second pass reads up to
   * there; omitted, the job is done.
   */
  complete(input: { repo: string; worker: string; now: Instant; recentSince?: Instant }): Promise<boolean>;
  /** Gives the claimed jobs of `worker` back, untried: the installation's rate limit is spent until `until`. */
  defer(input: { installationId: number; worker: string; until: Instant }): Promise<void>;
  /** Adds what a pass spent to the installation's tally; `partial` marks the moment every recent window was read. */
  spent(input: { installationId: number; requests: number; points: number; now: Instant }): Promise<void>;
  fail(input: { repo: string; worker: string; error: string; now: Instant; retryAt: Instant }): Promise<void>;
  read(input: { repo: string }): Promise<BackfillJob | null>;
  /** How far an installation's backfill is: its repositories' jobs, done and failed (the rest wait). */
  count(input: { installationId: number }): Promise<BackfillCounts>;
  /** The same for the installation of `org`; null when the org has no backfill. */
  countOrg(input: { org: string }): Promise<BackfillCounts | null>;
}

/** Configs as last read from GitHub, per repository and per org. */
export interface Configs {
  save(input: StoredConfig): Promise<void>;
  read(input: { scope: string }): Promise<StoredConfig | null>;
  /** Drops what was read for these scopes: the next reader asks GitHub again. */
  forget(input: { scopes: readonly string[] }): Promise<void>;
}

/** What the redelivery scan remembers. */
export interface Redeliveries {
  /** Which of these delivery ids are stored. */
  storedIds(input: { ids: readonly string[] }): Promise<Set<string>>;
  /**
   * Remembers a redelivery request: true when it should be made now (never
   * asked, or last asked at least `askAgainAfter` ms ago — the redelivery
   * itself may have failed).
   */
  record(input: { deliveryId: string; hookDeliveryId: number; now: Instant; askAgainAfter: number }): Promise<boolean>;
}

/** Named leases for work one replica at a time should do (the redelivery scan). */
export interface Leases {
  /** True when taken (free, expired, or already this holder's). */
  take(input: { name: string; holder: string; now: Instant; ttl: number }): Promise<boolean>;
}

/** The stored deliveries as the API lists and exports them. */
export interface DeliveryLog {
  /** Queue records (no payloads), oldest first, filtered by org and/or status. */
  list(input: {
    org?: string;
    status?: DeliveryStatus;
    limit: number;
    /** Keyset paging: deliveries after this one. */
    after?: { receivedAt: Instant; id: string };
  }): Promise<DeliveryRecord[]>;
  /** Deliveries of an org with their payload text exactly as received, oldest first, a page at a time. */
  export(input: {
    org: string;
    limit: number;
    after?: { receivedAt: Instant; id: string };
  }): Promise<{ record: DeliveryRecord; payloadText: string }[]>;
}

/** The slices bound to one executor: the database, or one transaction. */
export interface StoreSlices {
  deliveries: DeliveryQueue;
  facts: FactLog;
  states: EvaluationStates;
  repos: RepoRegistry;
  evaluations: EvaluationQueue;
  timers: Timers;
  verdicts: Verdicts;
  backfills: Backfills;
  configs: Configs;
  redeliveries: Redeliveries;
  leases: Leases;
  log: DeliveryLog;
}

/**
 * The App's durable state over either database: the door's inbox, and one
 * narrow slice per job (StoreSlices). `transaction` hands a job the same
 * slices bound to one transaction, so what must commit together does.
 */
export interface Store extends StoreSlices {
  readonly dialect: Dialect;
  inbox: Inbox;
  /**
   * Moves up to `limit` deliveries the door stored in the inbox file (a
   * SQLite store's; createLanding) into the queue; how many it moved (0
   * without an inbox file).
   */
  admit(input: { limit: number }): Promise<number>;
  transaction<T>(work: (tx: StoreSlices) => Promise<T>): Promise<T>;
  /** The queues' counts; deliveries waiting in the inbox file count as pending. */
  health(): Promise<QueueHealth>;
  /**
   * Drops every claim (deliveries, repos, backfills, publications in progress).
   * Only for a database one process uses (SQLite), at start: claims left by a
   * crashed run are then taken over at once instead of when their lease ends.
   */
  releaseClaims(): Promise<void>;
  /** See SqlDatabase.checkpoint. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

/** The slices a job uses, with transactions over the same slices only. */
export type StoreSlice<K extends keyof StoreSlices> = Pick<StoreSlices, K> & {
  transaction<T>(work: (tx: Pick<StoreSlices, K>) => Promise<T>): Promise<T>;
};
