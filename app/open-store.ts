import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import {
  applyMigrations,
  createStore,
  type DatabaseLocation,
  LANDING_LOG_BYTES,
  landingPathOf,
  openPostgres,
  openSqlite,
  prepareLanding,
  SchemaTooNewError,
  type SqlDatabase,
  type Store,
} from '../src/store/index.ts';
import { describeDatabaseFailure } from './describe-database-failure.ts';

/** How long the first connection to PostgreSQL may take before start-up gives up. */
const CONNECT_TIMEOUT = 10_000;

/**
 * Opens the database `DATABASE_URL` names and (unless `migrate` is false: a
 * thread started after the schema was brought up to date) brings its schema
 * up to date.
 * `checkpoints: 'manual'`: on SQLite, commits leave copying the write-ahead
 * log to whoever calls `store.checkpoint()` (the worker thread). A database
 * that cannot be reached, opened or migrated is an Error saying so in words,
 * its password masked (describeDatabaseFailure).
 * `landing`: a SQLite file's store also opens its inbox file beside it
 * (docs/architecture.md, "The inbox file"): the door appends there, the
 * worker admits from there.
 */
export async function openStore({
  database,
  now,
  checkpoints = 'automatic',
  migrate = true,
  landing = false,
}: {
  database: DatabaseLocation;
  now: number;
  checkpoints?: 'automatic' | 'manual';
  migrate?: boolean;
  landing?: boolean;
}): Promise<Store> {
  let db: SqlDatabase;
  let inboxFile: SqlDatabase | undefined;
  try {
    if (database.kind === 'postgres') {
      // one connection first, bounded in time: a host that never answers is an error, not a hang
      const probe = new pg.Client({ connectionString: database.url, connectionTimeoutMillis: CONNECT_TIMEOUT });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
      } finally {
        await probe.end().catch(() => undefined);
      }
    }
    db =
      database.kind === 'sqlite'
        ? openSqlite({
            database: new DatabaseSync(database.path),
            synchronous: database.synchronous,
            checkpoints,
          })
        : openPostgres({ pool: new pg.Pool({ connectionString: database.url, max: 10 }) });
  } catch (error) {
    throw new Error(describeDatabaseFailure({ database, error }));
  }
  try {
    if (migrate) await applyMigrations({ db, now });
    if (landing && database.kind === 'sqlite' && database.path !== ':memory:') {
      inboxFile = openSqlite({
        database: new DatabaseSync(landingPathOf(database.path)),
        synchronous: database.synchronous,
        checkpoints,
        restartBytes: LANDING_LOG_BYTES,
      });
      await prepareLanding({ landing: inboxFile });
    }
  } catch (error) {
    await db.close().catch(() => undefined);
    await inboxFile?.close().catch(() => undefined);
    // a schema from a newer Shipwell says so itself (docs/operations.md, "Rollbacks")
    if (error instanceof SchemaTooNewError) throw error;
    throw new Error(describeDatabaseFailure({ database, error }));
  }
  return createStore({ db, ...(inboxFile ? { landing: inboxFile } : {}) });
}
