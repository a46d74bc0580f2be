import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SqlDatabase, SqlExecutor, SqlValue } from './types.ts';

/** `$1` → `?1`: the store writes PostgreSQL's placeholders; SQLite numbers its own. */
function toSqlite(sql: string): string {
  return sql.replace(/\$(\d+)/g, '?$1');
}

/**
 * The SQLite side of the database port, over a `node:sqlite` handle the
 * caller opened (a file, or `:memory:` in tests). WAL journal; `synchronous`
 * `normal` (default: a commit survives a crash of the process — what "stored
 * before acknowledged" needs — and a power loss may drop the last ones) or
 * `full` (every commit synced to disk). One connection: statements and
 * transactions run one at a time, in the order they were asked for.
 */
export function openSqlite({
  database,
  synchronous = 'normal',
}: {
  database: DatabaseSync;
  synchronous?: 'normal' | 'full';
}): SqlDatabase {
  // 16 KiB pages (a new database only): a webhook payload (often 10–20 KB) spans fewer pages
  database.exec('PRAGMA page_size = 16384');
  database.exec('PRAGMA journal_mode = WAL');
  database.exec(`PRAGMA synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  database.exec('PRAGMA busy_timeout = 5000');
  const statements = new Map<string, StatementSync>();
  const run = <Row>(sql: string, params: readonly SqlValue[] = []): Row[] => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(toSqlite(sql));
      statements.set(sql, statement);
    }
    return statement.all(...params) as Row[];
  };
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };
  const inTransaction: SqlExecutor = {
    query: async (sql, params) => run(sql, params),
  };
  return {
    dialect: 'sqlite',
    query: (sql, params) => serialized(async () => run(sql, params)),
    transaction: (work) =>
      serialized(async () => {
        database.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(inTransaction);
          database.exec('COMMIT');
          return result;
        } catch (error) {
          if (database.isTransaction) database.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      serialized(async () => {
        statements.clear();
        if (database.isOpen) database.close();
      }),
  };
}
