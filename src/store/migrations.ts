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
  statements: readonly string[];
  postgres?: readonly string[];
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
];
