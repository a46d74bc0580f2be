import type { DatabaseSync } from 'node:sqlite';
import { groupCommit } from './group-commit.ts';
import type { Inbox, ReceivedDelivery, SqlDatabase } from './types.ts';

/** Most deliveries in one write of the door. */
const MAX_BATCH = 500;

/** The landing file's one table, as its rows come back. */
export interface LandedRow {
  seq: number;
  id: string;
  name: string;
  delivered_at: string;
  received_at: number;
  payload: string;
}

/**
 * How large the inbox file's write-ahead log grows before a checkpoint starts
 * it over (docs/architecture.md, "The inbox file"). Starting over holds the
 * door's writes while the last frames are copied and the file is synced —
 * 50–80 ms on a busy disk — and every delivery passes through this log: at
 * 64 MB that came every 7 s at 500 deliveries/s of 17 KB and held about 1 %
 * of acknowledgements; at 256 MB it comes every half a minute.
 */
export const LANDING_LOG_BYTES = 256 * 1024 * 1024;

/**
 * Where a SQLite store's inbox file lives beside the database file
 * (`shipwell.db` → `shipwell-inbox.db`).
 */
export function landingPathOf(path: string): string {
  return path.endsWith('.db') ? `${path.slice(0, -3)}-inbox.db` : `${path}-inbox.db`;
}

/**
 * Makes the landing file's table (docs/architecture.md, "The inbox file").
 * It is the file's whole schema: rows only pass through it.
 */
export async function prepareLanding({ landing }: { landing: SqlDatabase }): Promise<void> {
  await landing.query(
    `CREATE TABLE IF NOT EXISTS landed (
       seq INTEGER PRIMARY KEY,
       id TEXT NOT NULL,
       name TEXT NOT NULL,
       delivered_at TEXT NOT NULL,
       received_at INTEGER NOT NULL,
       payload TEXT NOT NULL
     )`,
  );
}

/**
 * A SQLite store's inbox in a file of its own (docs/architecture.md, "The
 * inbox file"): the webhook door appends each delivery as received to
 * `landed` (group commit, no other table, no index but the row's order), so
 * its write never waits for the database file's one write lock, which the
 * worker holds while it commits facts and evaluations. The worker admits
 * landed deliveries into the queue (`queue`: the database file's inbox, which
 * deduplicates by id and payload) and then deletes them from the landing
 * file. A crash between the two admits them again, which changes nothing, so
 * a delivery is still processed once.
 */
export function createLanding({ landing, queue }: { landing: SqlDatabase; queue: Inbox }): {
  /** The door's inbox: true once the delivery is durable in the landing file. */
  inbox: Inbox;
  /** Moves up to `limit` landed deliveries, oldest first, into the queue; how many it moved. */
  admit(input: { limit: number }): Promise<number>;
  /** How many deliveries wait in the landing file, and when the oldest was received. */
  waiting(): Promise<{ count: number; oldestAt: number | null }>;
  /** Which of these delivery ids wait in the landing file. */
  holds(input: { ids: readonly string[] }): Promise<Set<string>>;
} {
  const append = groupCommit<ReceivedDelivery>({
    maxBatch: MAX_BATCH,
    write: (batch) =>
      landing.transaction(async (tx) => {
        for (const { id, name, at, receivedAt, payloadText } of batch) {
          await tx.query(
            'INSERT INTO landed (id, name, delivered_at, received_at, payload) VALUES ($1, $2, $3, $4, $5)',
            [id, name, at, receivedAt, payloadText],
          );
        }
        return new Set(batch.keys());
      }),
  });
  return {
    inbox: { record: append },
    async admit({ limit }) {
      const rows = await readLanded({ landing, limit });
      if (rows.length === 0) return 0;
      const results = await recordLanded({ rows, queue });
      // what the queue holds leaves the landing file; one it refused stays, to be tried again
      const moved = rows.filter((_, k) => results[k]!.status === 'fulfilled').map((row) => row.seq);
      if (moved.length > 0) {
        await landing.query('DELETE FROM landed WHERE seq IN (SELECT value FROM json_each($1))', [
          JSON.stringify(moved),
        ]);
      }
      const refused = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (refused) throw refused.reason;
      return moved.length;
    },
    async waiting() {
      const [row] = await landing.query<{ n: number; oldest: number | null }>(
        'SELECT COUNT(*) AS n, MIN(received_at) AS oldest FROM landed',
      );
      return { count: Number(row?.n ?? 0), oldestAt: row?.oldest == null ? null : Number(row.oldest) };
    },
    async holds({ ids }) {
      if (ids.length === 0) return new Set();
      const rows = await landing.query<{ id: string }>(
        'SELECT DISTINCT id FROM landed WHERE id IN (SELECT value FROM json_each($1))',
        [JSON.stringify(ids)],
      );
      return new Set(rows.map((row) => row.id));
    },
  };
}

/** Up to `limit` landed deliveries, oldest first. */
function readLanded({ landing, limit }: { landing: SqlDatabase; limit: number }) {
  return landing.query<LandedRow>(
    'SELECT seq, id, name, delivered_at, received_at, payload FROM landed ORDER BY seq LIMIT $1',
    [limit],
  );
}

/** Records landed rows in a queue, together (its group commit stores them in one transaction). */
function recordLanded({ rows, queue }: { rows: LandedRow[]; queue: Inbox }) {
  return Promise.allSettled(
    rows.map((row) =>
      queue.record({
        id: row.id,
        name: row.name,
        at: row.delivered_at,
        receivedAt: Number(row.received_at),
        payloadText: row.payload,
      }),
    ),
  );
}

/**
 * A read snapshot of a landing file (opened with node:sqlite, read-only is
 * enough): taken at once, held until `release`, so what it lists is the file
 * as it was then, whatever the App admits meanwhile (`npm run backup` copies
 * the database after taking it: a delivery is then in one or the other).
 */
export function snapshotLanded({ database }: { database: DatabaseSync }): {
  /** How many deliveries it holds. */
  count: number;
  rows(): Iterable<LandedRow>;
  release(): void;
} {
  database.exec('BEGIN');
  // a read transaction takes its snapshot at its first read
  const { n } = database.prepare('SELECT COUNT(*) AS n FROM landed').get() as { n: number };
  return {
    count: Number(n),
    rows: () =>
      database
        .prepare('SELECT seq, id, name, delivered_at, received_at, payload FROM landed ORDER BY seq')
        .iterate() as Iterable<LandedRow>,
    release: () => database.exec('COMMIT'),
  };
}

/**
 * Records landed rows (snapshotLanded) in another store's queue, a batch at a
 * time, and changes nothing in the landing file (`npm run backup`). How many
 * it recorded; the first refusal is thrown.
 */
export async function copyLanded({ rows, queue }: { rows: Iterable<LandedRow>; queue: Inbox }): Promise<number> {
  let copied = 0;
  let batch: LandedRow[] = [];
  const flush = async () => {
    const refused = (await recordLanded({ rows: batch, queue })).find(
      (result): result is PromiseRejectedResult => result.status === 'rejected',
    );
    if (refused) throw refused.reason;
    copied += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length === MAX_BATCH) await flush();
  }
  await flush();
  return copied;
}
