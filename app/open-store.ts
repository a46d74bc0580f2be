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

/** Opens the database `DATABASE_URL` names and brings its schema up to date. */
export async function openStore({ database, now }: { database: DatabaseLocation; now: number }): Promise<Store> {
  const db =
    database.kind === 'sqlite'
      ? openSqlite({ database: new DatabaseSync(database.path), synchronous: database.synchronous })
      : openPostgres({ pool: new pg.Pool({ connectionString: database.url, max: 10 }) });
  try {
    await applyMigrations({ db, now });
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return createStore({ db });
}
