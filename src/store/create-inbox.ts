import type { Inbox, ReceivedDelivery, SqlDatabase, SqlScalar } from './types.ts';
import { valuesList } from './values-list.ts';

interface Waiting {
  row: SqlScalar[];
  payload: string;
  id: string;
  resolve: (stored: boolean) => void;
  reject: (error: unknown) => void;
}

/** Most rows in one write (PostgreSQL binds at most 65,535 parameters). */
const MAX_BATCH = 500;

function rowOf({ id, name, at, receivedAt }: ReceivedDelivery): SqlScalar[] {
  return [id, name, at, receivedAt, null, null, null];
}

const INSERT_HEAD = `INSERT INTO deliveries (id, name, delivered_at, received_at, installation_id, org, repo,
  status, attempts, next_attempt_at, process_count) VALUES `;

function valuesAt(offset: number): string {
  const p = (k: number) => `$${offset + k}`;
  return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, 'pending', 0, ${p(4)}, 0)`;
}

const PAYLOAD_HEAD = 'INSERT INTO delivery_payloads (id, payload) VALUES ';

/**
 * The webhook door's inbox, with group commit: deliveries that arrive while a
 * write is under way (or in the same turn of the event loop) are stored
 * together in the next write — one transaction, one fsync — and each caller
 * is answered when that write is durable. SQLite: one transaction of
 * single-row inserts; PostgreSQL: one statement (payloads as a VALUES list,
 * queue rows as arrays). A duplicate id inserts nothing (false). Location
 * columns stay empty: the processing job fills them once it has parsed the
 * payload.
 */
export function createInbox({ db }: { db: SqlDatabase }): Inbox {
  let waiting: Waiting[] = [];
  let running = false;

  // the payload first: an acknowledged delivery always has one (a duplicate id keeps the first)
  const writeSqlite = (batch: Waiting[]): Promise<Set<string>> =>
    db.transaction(async (tx) => {
      const inserted = new Set<string>();
      for (const item of batch) {
        await tx.query(`${PAYLOAD_HEAD}($1, $2) ON CONFLICT (id) DO NOTHING`, [item.id, item.payload]);
        const rows = await tx.query<{ id: string }>(
          `${INSERT_HEAD}${valuesAt(0)} ON CONFLICT (id) DO NOTHING RETURNING id`,
          item.row,
        );
        for (const row of rows) inserted.add(row.id);
      }
      return inserted;
    });
  // PostgreSQL: one statement (atomic, one round trip); payloads one parameter each (valuesList)
  const writePostgres = async (batch: Waiting[]): Promise<Set<string>> => {
    const column = (k: number) => batch.map((item) => item.row[k] ?? null);
    const rows = await db.query<{ id: string }>(
      `WITH payloads AS (
         INSERT INTO delivery_payloads (id, payload) VALUES ${valuesList({ rows: batch.length, columns: 2, from: 8 })}
         ON CONFLICT (id) DO NOTHING
       )
       INSERT INTO deliveries (id, name, delivered_at, received_at, installation_id, org, repo,
         status, attempts, next_attempt_at, process_count)
       SELECT id, name, delivered_at, received_at, installation_id, org, repo, 'pending', 0, received_at, 0
       FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::text[])
         AS t (id, name, delivered_at, received_at, installation_id, org, repo)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        column(0),
        column(1),
        column(2),
        column(3),
        column(4),
        column(5),
        column(6),
        ...batch.flatMap((item) => [item.id, item.payload]),
      ],
    );
    return new Set(rows.map((row) => row.id));
  };
  const write = db.dialect === 'sqlite' ? writeSqlite : writePostgres;

  const answer = (batch: Waiting[], inserted: Set<string>) => {
    const answered = new Set<string>();
    for (const item of batch) {
      // the same id twice in one batch: the first is the stored one
      item.resolve(inserted.has(item.id) && !answered.has(item.id));
      answered.add(item.id);
    }
  };

  const drain = async () => {
    running = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(MAX_BATCH);
      try {
        answer(batch, await write(batch));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        // one bad delivery (PostgreSQL refuses a NUL in text) must not refuse the others
        else for (const item of batch) await write([item]).then((inserted) => answer([item], inserted), item.reject);
      }
    }
    running = false;
  };

  return {
    record(input) {
      return new Promise<boolean>((resolve, reject) => {
        waiting.push({
          row: rowOf(input),
          payload: input.payloadText,
          id: input.id,
          resolve,
          reject,
        });
        if (!running) {
          running = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
