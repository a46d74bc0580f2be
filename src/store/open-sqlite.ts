import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SqlDatabase, SqlExecutor, SqlScalar, SqlValue } from './types.ts';

/** `$1` → `?1`: the store writes PostgreSQL's placeholders; SQLite numbers its own. */
function toSqlite(sql: string): string {
  return sql.replace(/\$(\d+)/g, '?$1');
}

/** SQLITE_BUSY: another connection holds the write lock. */
function isBusy(error: unknown): boolean {
  return (error as { errcode?: unknown } | null)?.errcode === 5;
}

/** How long a statement waits for another connection's write lock before it fails. */
const LOCK_WAIT = 10_000;
/**
 * Longest pause (ms) between attempts at a busy write lock: a failed attempt
 * costs microseconds, and a longer pause would hold an acknowledgement for
 * up to that long after the lock was freed.
 */
const MAX_PAUSE = 2;
/** Above this size (bytes) a checkpoint also tries to start the log over (and SQLite truncates it to this), unless the caller says otherwise. */
const WAL_RESTART_BYTES = 64 * 1024 * 1024;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms === 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));
}

/**
 * The SQLite side of the database port, over a `node:sqlite` handle the
 * caller opened (a file, or `:memory:` in tests). WAL journal; `synchronous`
 * `normal` (default: a commit survives a crash of the process — what "stored
 * before acknowledged" needs — and a power loss may drop the last ones) or
 * `full` (every commit synced to disk). One connection: statements and
 * transactions run one at a time, in the order they were asked for.
 *
 * Several connections (threads) may share the file. Waiting for another
 * connection's write lock never blocks the thread: a busy statement is tried
 * again after yielding to the event loop (SQLite's own busy handler sleeps,
 * which on a thread answering webhooks would stall every request).
 * `checkpoints: 'manual'` keeps commits from copying the write-ahead log into
 * the database file (tens of milliseconds every 16 MB written): another
 * connection, on another thread, calls `checkpoint()` instead.
 */
export function openSqlite({
  database,
  synchronous = 'normal',
  checkpoints = 'automatic',
  restartBytes = WAL_RESTART_BYTES,
}: {
  database: DatabaseSync;
  synchronous?: 'normal' | 'full';
  checkpoints?: 'automatic' | 'manual';
  /**
   * Past this size (bytes) of write-ahead log a checkpoint also starts the
   * log over, which holds every writer while it copies the last frames and
   * syncs the file; SQLite truncates the log to this size afterwards.
   */
  restartBytes?: number;
}): SqlDatabase {
  // SQLite's default 4 KiB pages: measured against 8 and 16 KiB with 17 KB payloads, storing a
  // delivery costs least (its queue row and index entries dirty small pages, not large ones)
  database.exec('PRAGMA journal_mode = WAL');
  database.exec(`PRAGMA synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  database.exec('PRAGMA busy_timeout = 0');
  // 32 MB of pages per connection (SQLite's default is 2 MB): a large history's index pages stay in memory
  database.exec('PRAGMA cache_size = -32768');
  database.exec(`PRAGMA journal_size_limit = ${restartBytes}`);
  if (checkpoints === 'manual') database.exec('PRAGMA wal_autocheckpoint = 0');
  const pageSize = Number((database.prepare('PRAGMA page_size').get() as { page_size: number }).page_size);
  const statements = new Map<string, StatementSync>();
  const run = <Row>(sql: string, params: readonly SqlValue[] = []): Row[] => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(toSqlite(sql));
      statements.set(sql, statement);
    }
    if (params.some((param) => Array.isArray(param))) {
      throw new TypeError(`SQLite binds no array parameters (a PostgreSQL-only statement): ${sql.slice(0, 60)}`);
    }
    return statement.all(...(params as SqlScalar[])) as Row[];
  };
  /** Runs `attempt` (which has no effect when it fails busy) until it gets the lock. */
  const whenFree = async <T>(attempt: () => T): Promise<T> => {
    const deadline = performance.now() + LOCK_WAIT;
    for (let wait = 0; ; wait = Math.min(wait + 1, MAX_PAUSE)) {
      try {
        return attempt();
      } catch (error) {
        if (!isBusy(error) || performance.now() > deadline) throw error;
      }
      await pause(wait);
    }
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
    // outside a transaction a statement is its own: a busy one did nothing and is tried again
    query: (sql, params) => serialized(() => whenFree(() => run(sql, params))),
    transaction: (work) =>
      serialized(async () => {
        await whenFree(() => database.exec('BEGIN IMMEDIATE'));
        try {
          const result = await work(inTransaction);
          database.exec('COMMIT');
          return result;
        } catch (error) {
          if (database.isTransaction) database.exec('ROLLBACK');
          throw error;
        }
      }),
    checkpoint: () =>
      serialized(async () => {
        if (checkpoints !== 'manual') return;
        // copies what it can without waiting for anyone; the log only starts over once all of it is
        // copied and no reader still reads from it. Past restartBytes, try to start it over, still
        // without waiting (busy_timeout 0): holding the write lock while readers finish would hold
        // every acknowledgement behind the longest read. A busy attempt copies what it can and
        // leaves the restart to the next tick.
        const { log } = database.prepare('PRAGMA wal_checkpoint(PASSIVE)').get() as { log: number };
        if (log * pageSize >= restartBytes) database.prepare('PRAGMA wal_checkpoint(RESTART)').get();
      }),
    close: () =>
      serialized(async () => {
        statements.clear();
        if (database.isOpen) database.close();
      }),
  };
}
