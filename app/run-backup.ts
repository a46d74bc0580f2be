import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import {
  copyLanded,
  createStore,
  landingPathOf,
  openSqlite,
  parseDatabaseUrl,
  snapshotLanded,
} from '../src/store/index.ts';
import { loadDotEnv } from './load-dot-env.ts';

/**
 * `npm run backup -- FILE` (docs/operations.md, "Backups"): a consistent
 * copy of the App's SQLite database (DATABASE_URL, default
 * sqlite:./shipwell.db) in FILE, taken with `VACUUM INTO` while the App runs
 * — compact, one file, no write-ahead log to carry — and what waits in the
 * inbox file beside it (docs/architecture.md, "The inbox file") copied into
 * the copy's queue: what was acknowledged before the copy is in it. It never
 * overwrites a file. PostgreSQL is backed up with pg_dump instead (it says so). Exit 0
 * with one line naming the copy; 2 with one line saying what is wrong.
 */
export async function runBackup({
  args = process.argv.slice(2),
  env = process.env,
}: {
  args?: string[];
  env?: Record<string, string | undefined>;
} = {}): Promise<void> {
  const refuse = (message: string): never => {
    throw new Error(message);
  };
  try {
    loadDotEnv({ env });
    const [target, ...rest] = args;
    if (target === undefined || rest.length > 0 || target.startsWith('-')) {
      refuse('expected one argument, the file to write: npm run backup -- /backups/shipwell-2026-12-01.db');
    }
    const file = target as string;
    const database = parseDatabaseUrl({ url: env.DATABASE_URL?.trim() || 'sqlite:./shipwell.db' });
    if (database.kind === 'postgres') {
      refuse('DATABASE_URL is PostgreSQL: back it up with pg_dump (docs/operations.md, "Backups")');
    } else {
      if (database.path === ':memory:') refuse('DATABASE_URL is an in-memory database: there is nothing to back up');
      if (!existsSync(database.path)) refuse(`${database.path}: no database there (DATABASE_URL)`);
      if (existsSync(file)) refuse(`${file}: exists already; choose a new file`);
      // what waits in the inbox file first, then the database: a delivery the App admits
      // from one into the other meanwhile is in the copy either way
      const inboxFile = landingPathOf(database.path);
      const landing = existsSync(inboxFile) ? new DatabaseSync(inboxFile, { readOnly: true }) : null;
      try {
        const landed = landing ? snapshotLanded({ database: landing }) : null;
        const db = new DatabaseSync(database.path, { readOnly: true });
        try {
          db.prepare('VACUUM INTO ?').run(file);
        } finally {
          db.close();
        }
        if (landed && landed.count > 0) {
          const raw = new DatabaseSync(file);
          const copy = openSqlite({ database: raw });
          try {
            await copyLanded({ rows: landed.rows(), queue: createStore({ db: copy }).inbox });
            // one file again, like VACUUM INTO left it
            raw.exec('PRAGMA journal_mode = DELETE');
          } finally {
            await copy.close();
          }
        }
        landed?.release();
      } finally {
        landing?.close();
      }
      console.log(`shipwell backup: ${database.path} copied to ${file}`);
    }
  } catch (error) {
    console.error(`shipwell backup: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
