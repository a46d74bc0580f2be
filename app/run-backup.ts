import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { parseDatabaseUrl } from '../src/store/index.ts';
import { loadDotEnv } from './load-dot-env.ts';

/**
 * `npm run backup -- FILE` (docs/operations.md, "Backups"): a consistent
 * copy of the App's SQLite database (DATABASE_URL, default
 * sqlite:./shipwell.db) in FILE, taken with `VACUUM INTO` while the App runs
 * — compact, one file, no write-ahead log to carry. It never overwrites a
 * file. PostgreSQL is backed up with pg_dump instead (it says so). Exit 0
 * with one line naming the copy; 2 with one line saying what is wrong.
 */
export function runBackup({
  args = process.argv.slice(2),
  env = process.env,
}: {
  args?: string[];
  env?: Record<string, string | undefined>;
} = {}): void {
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
      const db = new DatabaseSync(database.path, { readOnly: true });
      try {
        db.prepare('VACUUM INTO ?').run(file);
      } finally {
        db.close();
      }
      console.log(`shipwell backup: ${database.path} copied to ${file}`);
    }
  } catch (error) {
    console.error(`shipwell backup: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
