import { convertFacts } from './convert-facts.ts';
import type { Dialect, SqlExecutor } from './types.ts';

/**
 * The schema, as numbered migrations applied in order at start. Written once
 * for both SQLite and PostgreSQL: TEXT, INTEGER and BIGINT only, times as
 * epoch milliseconds, JSON as TEXT. Append new migrations; never edit one
 * that has shipped. `postgres` statements tune PostgreSQL's storage only
 * (the schema stays the same on both).
 */
export const MIGRATIONS: readonly {
  version: number;
  name: string;
  /** Run in order; a pair is one statement written for each dialect. */
  statements: readonly (string | { sqlite: string; postgres: string })[];
  postgres?: readonly string[];
  /** Moves data the statements cannot (after them, in the same transaction). */
  run?: (input: { tx: SqlExecutor; dialect: Dialect }) => Promise<void>;
}[] = [
  {
    version: 1,
    name: 'deliveries and their payloads, facts, repos, configs, backfills, timers, publications, redeliveries, leases',
    statements: [
      `CREATE TABLE deliveries (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        delivered_at TEXT,
        received_at BIGINT NOT NULL,
        installation_id BIGINT,
        org TEXT,
        repo TEXT,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at BIGINT NOT NULL,
        locked_by TEXT,
        locked_until BIGINT,
        last_error TEXT,
        processed_at BIGINT,
        process_count INTEGER NOT NULL
      )`,
      "CREATE INDEX deliveries_unprocessed ON deliveries (received_at, id) WHERE status <> 'processed'",
      'CREATE INDEX deliveries_org ON deliveries (org, received_at)',
      // written once and never updated: the queue's updates stay small
      `CREATE TABLE delivery_payloads (
        id TEXT PRIMARY KEY,
        payload TEXT NOT NULL
      )`,
      `CREATE TABLE facts (
        repo TEXT NOT NULL,
        org TEXT NOT NULL,
        fact_key TEXT NOT NULL,
        origin TEXT NOT NULL,
        type TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (repo, fact_key, origin)
      )`,
      'CREATE INDEX facts_org ON facts (org)',
      `CREATE TABLE repos (
        repo TEXT PRIMARY KEY,
        org TEXT NOT NULL,
        installation_id BIGINT,
        dirty_at BIGINT,
        dirty_version INTEGER NOT NULL,
        known_since BIGINT NOT NULL,
        locked_by TEXT,
        locked_until BIGINT
      )`,
      'CREATE INDEX repos_dirty ON repos (dirty_at)',
      `CREATE TABLE configs (
        scope TEXT PRIMARY KEY,
        value TEXT,
        error TEXT,
        read_at BIGINT NOT NULL
      )`,
      `CREATE TABLE backfills (
        repo TEXT PRIMARY KEY,
        org TEXT NOT NULL,
        installation_id BIGINT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at BIGINT NOT NULL,
        locked_by TEXT,
        locked_until BIGINT,
        last_error TEXT,
        done_at BIGINT
      )`,
      `CREATE TABLE timers (
        repo TEXT NOT NULL,
        tag TEXT NOT NULL,
        due_at BIGINT NOT NULL,
        PRIMARY KEY (repo, tag)
      )`,
      'CREATE INDEX timers_due ON timers (due_at)',
      `CREATE TABLE publications (
        repo TEXT NOT NULL,
        tag TEXT NOT NULL,
        generation INTEGER NOT NULL,
        hash TEXT NOT NULL,
        status TEXT NOT NULL,
        state TEXT NOT NULL,
        claimed_at BIGINT NOT NULL,
        PRIMARY KEY (repo, tag, generation)
      )`,
      `CREATE TABLE redeliveries (
        delivery_id TEXT PRIMARY KEY,
        hook_delivery_id BIGINT NOT NULL,
        requested_at BIGINT NOT NULL
      )`,
      `CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        until_at BIGINT NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: 'index on processed_at: the newest processed delivery for /metrics without a scan',
    statements: ['CREATE INDEX deliveries_processed_at ON deliveries (processed_at)'],
  },
  {
    version: 3,
    name: 'PostgreSQL compresses new payloads with lz4 (its default pglz took more CPU than the rest of storing a delivery)',
    statements: [],
    // a server built without lz4 (or older than 14) keeps pglz: same data, slower
    postgres: [
      `DO $$ BEGIN
        EXECUTE 'ALTER TABLE delivery_payloads ALTER COLUMN payload SET COMPRESSION lz4';
      EXCEPTION WHEN OTHERS THEN NULL;
      END $$`,
    ],
  },
  {
    version: 4,
    name: 'storing a delivery touches two indexes, not four: org and processed_at are indexed only where set; PostgreSQL leaves room for claims to update in place',
    statements: [
      'DROP INDEX deliveries_org',
      'CREATE INDEX deliveries_org ON deliveries (org, received_at) WHERE org IS NOT NULL',
      'DROP INDEX deliveries_processed_at',
      'CREATE INDEX deliveries_processed_at ON deliveries (processed_at) WHERE processed_at IS NOT NULL',
    ],
    // a claim changes no indexed column: with room on the page it is a HOT update (no index entries)
    postgres: ['ALTER TABLE deliveries SET (fillfactor = 50)'],
  },
  {
    version: 5,
    name: 'deliveries are unique by the SHA-256 of their payload too: X-GitHub-Delivery is not signed, so a signed payload replayed under a new id is stored once',
    // deliveries stored before keep NULL (many NULLs are allowed): they stay unique by id
    statements: [
      'ALTER TABLE deliveries ADD COLUMN payload_hash TEXT',
      'CREATE UNIQUE INDEX deliveries_payload_hash ON deliveries (payload_hash)',
    ],
  },
  {
    version: 6,
    name: "release_verdicts: each release's latest verdict and what of it was published, the publishing job's queue (replaces publications)",
    statements: [
      `CREATE TABLE release_verdicts (
        repo TEXT NOT NULL,
        tag TEXT NOT NULL,
        org TEXT NOT NULL,
        hash TEXT NOT NULL,
        status TEXT NOT NULL,
        window_end BIGINT NOT NULL,
        body TEXT NOT NULL,
        published_hash TEXT,
        publish_due BIGINT,
        attempts INTEGER NOT NULL,
        last_error TEXT,
        locked_by TEXT,
        locked_until BIGINT,
        PRIMARY KEY (repo, tag)
      )`,
      'CREATE INDEX release_verdicts_due ON release_verdicts (publish_due) WHERE publish_due IS NOT NULL',
      // what was published stays published: the first evaluation after the upgrade finds the same
      // hash and publishes nothing again
      `INSERT INTO release_verdicts (repo, tag, org, hash, status, window_end, body, published_hash, publish_due, attempts)
       SELECT p.repo, p.tag, r.org, p.hash, p.status, 0, '{}', p.hash, NULL, 0
       FROM publications p JOIN repos r ON r.repo = p.repo
       WHERE p.state = 'published'
         AND p.generation = (SELECT MAX(generation) FROM publications q WHERE q.repo = p.repo AND q.tag = p.tag AND q.state = 'published')`,
      'DROP TABLE publications',
      // every known repository is evaluated once more, filling its verdicts
      'UPDATE repos SET dirty_at = 0, dirty_version = dirty_version + 1',
    ],
  },
  {
    version: 7,
    name: 'facts once per distinct content with their index fields and the changes an evaluation reads; what the engine concluded per repository, release and alert',
    statements: [
      `CREATE TABLE fact_rows (
        repo TEXT NOT NULL,
        org TEXT NOT NULL,
        content TEXT NOT NULL,
        type TEXT NOT NULL,
        grp TEXT NOT NULL,
        at BIGINT,
        last_at BIGINT,
        known_at BIGINT,
        sha TEXT,
        ref TEXT,
        least_origin TEXT NOT NULL,
        greatest_origin TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (repo, content)
      )`,
      'CREATE INDEX fact_rows_grp ON fact_rows (repo, grp)',
      'CREATE INDEX fact_rows_last_at ON fact_rows (repo, last_at) WHERE last_at IS NOT NULL',
      'CREATE INDEX fact_rows_known_at ON fact_rows (repo, known_at) WHERE known_at IS NOT NULL',
      'CREATE INDEX fact_rows_sha ON fact_rows (repo, sha) WHERE sha IS NOT NULL',
      'CREATE INDEX fact_rows_ref ON fact_rows (repo, ref) WHERE ref IS NOT NULL',
      'CREATE INDEX fact_rows_org ON fact_rows (org)',
      {
        sqlite: 'CREATE TABLE fact_changes (id INTEGER PRIMARY KEY, repo TEXT NOT NULL, grp TEXT NOT NULL)',
        postgres:
          'CREATE TABLE fact_changes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, repo TEXT NOT NULL, grp TEXT NOT NULL)',
      },
      'CREATE INDEX fact_changes_repo ON fact_changes (repo, id)',
      `CREATE TABLE repo_evaluations (
        repo TEXT PRIMARY KEY,
        org TEXT NOT NULL,
        evaluated_at BIGINT NOT NULL,
        body TEXT NOT NULL
      )`,
      'CREATE INDEX repo_evaluations_org ON repo_evaluations (org)',
      `CREATE TABLE release_evaluations (
        repo TEXT NOT NULL,
        tag TEXT NOT NULL,
        org TEXT NOT NULL,
        published_at BIGINT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (repo, tag)
      )`,
      'CREATE INDEX release_evaluations_org ON release_evaluations (org, published_at)',
      `CREATE TABLE alert_evaluations (
        repo TEXT NOT NULL,
        number BIGINT NOT NULL,
        org TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (repo, number)
      )`,
      'CREATE INDEX alert_evaluations_org ON alert_evaluations (org)',
    ],
    run: async ({ tx, dialect }) => {
      await convertFacts({ tx, dialect });
      // every known repository is evaluated once more, in full
      await tx.query('UPDATE repos SET dirty_at = 0, dirty_version = dirty_version + 1');
    },
  },
  {
    version: 8,
    name: 'evaluations carry the time each DevOps activity took (engine format 2): every repository is evaluated again',
    statements: [
      // a stored evaluation of format 1 is read by no one; the worker evaluates each repository once more, in full
      'UPDATE repos SET dirty_at = 0, dirty_version = dirty_version + 1',
    ],
  },
  {
    version: 9,
    name: 'backfills in two passes (recent periods across the org first, then the rest) and per-installation budget state',
    statements: [
      // 0: the recent window is next; 1: it is read, the rest back to the horizon is next
      'ALTER TABLE backfills ADD COLUMN stage INTEGER NOT NULL DEFAULT 0',
      // where the first pass stopped: the second reads up to here, so no fact is read twice
      'ALTER TABLE backfills ADD COLUMN recent_since BIGINT',
      `CREATE TABLE backfill_installations (
        installation_id BIGINT PRIMARY KEY,
        started_at BIGINT NOT NULL,
        served_at BIGINT NOT NULL,
        waiting_until BIGINT,
        requests BIGINT NOT NULL,
        points BIGINT NOT NULL,
        partial_at BIGINT
      )`,
    ],
  },
  {
    version: 10,
    name: 'PostgreSQL compresses stored payloads and evaluations with LZ4 where it can (faster than its default for the same text)',
    statements: [],
    // new values only (what is stored stays as it is); a server built without LZ4 keeps its default
    postgres: [
      `DO $$ BEGIN
         ALTER TABLE delivery_payloads ALTER COLUMN payload SET COMPRESSION lz4;
         ALTER TABLE repo_evaluations ALTER COLUMN body SET COMPRESSION lz4;
       EXCEPTION WHEN feature_not_supported THEN NULL;
       END $$`,
    ],
  },
  {
    version: 11,
    name: 'deployments and coverage reports indexed by time on their own, so a re-evaluation reads the chains from an earlier release without the facts in between',
    statements: [
      // the condition is written exactly as the fact log's query writes it (CHAIN_TYPES), so both planners use it
      "CREATE INDEX fact_rows_chains ON fact_rows (repo, last_at) WHERE type IN ('deployment-status', 'coverage')",
    ],
  },
];
