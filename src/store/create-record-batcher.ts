import { createHash } from 'node:crypto';
import { locateDelivery } from './locate-delivery.ts';
import type { RecordInput, SqlDatabase, SqlScalar } from './types.ts';
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

/** The queue row of a delivery: id, name, delivered_at, received_at, installation_id, org, repo, payload_hash. */
function rowOf(input: RecordInput, payload: string): SqlScalar[] {
  const hash = createHash('sha256').update(payload).digest('hex');
  if ('received' in input) {
    const { id, name, at } = input.received;
    return [id, name, at, input.receivedAt, null, null, null, hash];
  }
  const { delivery, receivedAt, installationId } = input;
  const { repo, org } = locateDelivery(delivery.payload);
  return [delivery.id, delivery.name, delivery.at ?? null, receivedAt, installationId, org, repo, hash];
}

const INSERT_HEAD = `INSERT INTO deliveries (id, name, delivered_at, received_at, installation_id, org, repo, payload_hash,
  status, attempts, next_attempt_at, process_count) VALUES `;

function valuesAt(offset: number): string {
  const p = (k: number) => `$${offset + k}`;
  return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, 'pending', 0, ${p(4)}, 0)`;
}

const PAYLOAD_HEAD = 'INSERT INTO delivery_payloads (id, payload) VALUES ';

/**
 * Group commit for `recordDelivery`: deliveries that arrive while a write is
 * under way (or in the same turn of the event loop) are stored together in
 * the next write — one transaction, one fsync — and each caller is answered
 * when that write is durable. SQLite: one transaction of single-row inserts;
 * PostgreSQL: one statement (payloads as a VALUES list, queue rows as
 * arrays). A duplicate id, or a payload already stored (by its SHA-256)
 * under another id, inserts nothing (false).
 */
export function createRecordBatcher({ db }: { db: SqlDatabase }): { add(input: RecordInput): Promise<boolean> } {
  let waiting: Waiting[] = [];
  let running = false;

  // A delivery is new when neither its id nor its payload (by hash) is stored: its payload is
  // written with it, in the same transaction (an acknowledged delivery always has one)
  const writeSqlite = (batch: Waiting[]): Promise<Set<string>> =>
    db.transaction(async (tx) => {
      const inserted = new Set<string>();
      for (const item of batch) {
        const rows = await tx.query<{ id: string }>(
          `${INSERT_HEAD}${valuesAt(0)} ON CONFLICT DO NOTHING RETURNING id`,
          item.row,
        );
        if (rows.length === 0) continue;
        await tx.query(`${PAYLOAD_HEAD}($1, $2) ON CONFLICT (id) DO NOTHING`, [item.id, item.payload]);
        inserted.add(item.id);
      }
      return inserted;
    });
  // PostgreSQL: one statement (atomic, one round trip); payloads one parameter each (valuesList),
  // written for the rows the queue insert took
  const writePostgres = async (all: Waiting[]): Promise<Set<string>> => {
    // one id once: payloads are matched to the rows taken by id (`answer` refuses the repeats)
    const seen = new Set<string>();
    const batch = all.filter((item) => !seen.has(item.id) && seen.add(item.id));
    const column = (k: number) => batch.map((item) => item.row[k] ?? null);
    const rows = await db.query<{ id: string }>(
      `WITH queued AS (
         INSERT INTO deliveries (id, name, delivered_at, received_at, installation_id, org, repo, payload_hash,
           status, attempts, next_attempt_at, process_count)
         SELECT id, name, delivered_at, received_at, installation_id, org, repo, payload_hash, 'pending', 0, received_at, 0
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::text[])
           AS t (id, name, delivered_at, received_at, installation_id, org, repo, payload_hash)
         ON CONFLICT DO NOTHING RETURNING id
       ), payloads AS (
         INSERT INTO delivery_payloads (id, payload)
         SELECT v.id, v.payload FROM (VALUES ${valuesList({ rows: batch.length, columns: 2, from: 9 })}) AS v (id, payload)
         JOIN queued ON queued.id = v.id
         ON CONFLICT (id) DO NOTHING
       )
       SELECT id FROM queued`,
      [
        column(0),
        column(1),
        column(2),
        column(3),
        column(4),
        column(5),
        column(6),
        column(7),
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
    add(input) {
      return new Promise<boolean>((resolve, reject) => {
        const payload = 'received' in input ? input.received.payloadText : JSON.stringify(input.delivery.payload);
        waiting.push({
          row: rowOf(input, payload),
          payload,
          id: 'received' in input ? input.received.id : input.delivery.id,
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
