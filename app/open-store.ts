import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import {
  applyMigrations,
  createStore,
  type DatabaseLocation,
  openPostgres,
  openSqlite,
  type Store,
} from '../src/store/index.ts';

/**
 * Opens the database `DATABASE_URL` names and (unless `migrate` is false: a
 * thread started after the schema was brought up to date) brings its schema
 * up to date.
 * `checkpoints: 'manual'`: on SQLite, commits leave copying the write-ahead
 * log to whoever calls `store.checkpoint()` (the worker thread).
 */
export async function openStore({
  database,
  now,
  checkpoints = 'automatic',
  migrate = true,
}: {
  database: DatabaseLocation;
  now: number;
  checkpoints?: 'automatic' | 'manual';
  migrate?: boolean;
}): Promise<Store> {
  const db =
    database.kind === 'sqlite'
      ? openSqlite({
          database: new DatabaseSync(database.path),
          synchronous: database.synchronous,
          checkpoints,
        })
      : openPostgres({ pool: new pg.Pool({ connectionString: database.url, max: 10 }) });
  try {
    if (migrate) await applyMigrations({ db, now });
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return createStore({ db });
}
