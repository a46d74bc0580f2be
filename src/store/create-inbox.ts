import { groupCommit } from './group-commit.ts';
import { payloadHash } from './payload-hash.ts';
import { settleDeliveryConflict } from './settle-delivery-conflict.ts';
import type { Inbox, ReceivedDelivery, SqlDatabase, SqlExecutor, SqlScalar } from './types.ts';
import { valuesList } from './values-list.ts';

interface Waiting {
  row: SqlScalar[];
  payload: string;
  id: string;
  name: string;
  at: string | null;
  receivedAt: number;
}

/** Most rows in one write (PostgreSQL binds at most 65,535 parameters). */
const MAX_BATCH = 500;

/** The queue row of a delivery: id, name, delivered_at, received_at, installation_id, org, repo, payload_hash. */
function rowOf({ id, name, at, receivedAt, payloadText }: ReceivedDelivery): SqlScalar[] {
  return [id, name, at, receivedAt, null, null, null, payloadHash(payloadText)];
}

const INSERT_HEAD = `INSERT INTO deliveries (id, name, delivered_at, received_at, installation_id, org, repo, payload_hash,
  status, attempts, next_attempt_at, process_count) VALUES `;

function valuesAt(offset: number): string {
  const p = (k: number) => `$${offset + k}`;
  return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, 'pending', 0, ${p(4)}, 0)`;
}

const PAYLOAD_HEAD = 'INSERT INTO delivery_payloads (id, payload) VALUES ';

/**
 * The webhook door's inbox, with group commit (groupCommit): deliveries that
 * arrive while a write is under way are stored together in the next write,
 * and each caller is answered when that write is durable. SQLite: one transaction of
 * single-row inserts; PostgreSQL: one statement (payloads as a VALUES list,
 * queue rows as arrays). A payload already stored (by its SHA-256) under
 * another id is a replay — `X-GitHub-Delivery` is not signed — and inserts
 * nothing (false); a known id inserts nothing either (false) unless it brings
 * a different payload that wins by content (settleDeliveryConflict: then it
 * replaces the stored one, true). Location columns stay empty: the
 * processing job fills them once it has parsed the payload.
 */
export function createInbox({ db }: { db: SqlDatabase }): Inbox {
  /** A known id again (or twice in one batch): settled by content; true when it replaced the stored one. */
  const settle = (tx: SqlExecutor, item: Waiting) =>
    settleDeliveryConflict({
      tx,
      dialect: db.dialect,
      id: item.id,
      name: item.name,
      at: item.at,
      payloadText: item.payload,
      receivedAt: item.receivedAt,
    });

  // a delivery is new when neither its id nor its payload (by hash) is stored: its payload is written
  // with it, in the same transaction (an acknowledged delivery always has one)
  // returns the positions in the batch that were stored (inserted, or replaced a losing payload)
  const writeSqlite = (batch: Waiting[]): Promise<Set<number>> =>
    db.transaction(async (tx) => {
      const stored = new Set<number>();
      for (const [k, item] of batch.entries()) {
        const rows = await tx.query<{ id: string }>(
          `${INSERT_HEAD}${valuesAt(0)} ON CONFLICT DO NOTHING RETURNING id`,
          item.row,
        );
        if (rows.length > 0) {
          await tx.query(`${PAYLOAD_HEAD}($1, $2) ON CONFLICT (id) DO NOTHING`, [item.id, item.payload]);
          stored.add(k);
        } else if (await settle(tx, item)) stored.add(k);
      }
      return stored;
    });
  // PostgreSQL: one statement (atomic, one round trip); payloads one parameter each (valuesList),
  // written for the rows the queue insert took
  const writePostgres = async (all: Waiting[]): Promise<Set<number>> => {
    // one id once in the statement: the repeats settle against it afterwards
    const firstOf = new Set<string>();
    const batch = all.filter((item) => !firstOf.has(item.id) && firstOf.add(item.id));
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
    const inserted = new Set(rows.map((row) => row.id));
    const stored = new Set<number>();
    const known: number[] = [];
    const firsts = new Set<string>();
    for (const [k, item] of all.entries()) {
      // the same id twice in one batch: the first is the inserted one, the next settle against it
      if (inserted.has(item.id) && !firsts.has(item.id)) stored.add(k);
      else known.push(k);
      firsts.add(item.id);
    }
    if (known.length > 0) {
      await db.transaction(async (tx) => {
        for (const k of known) if (await settle(tx, all[k]!)) stored.add(k);
      });
    }
    return stored;
  };
  // one write at a time on PostgreSQL too: several at once made more, smaller commits, and the
  // acknowledgement p99 while a backlog drained doubled (BENCHMARKS.md, "Acknowledging while a backlog drains")
  const record = groupCommit({ write: db.dialect === 'sqlite' ? writeSqlite : writePostgres, maxBatch: MAX_BATCH });
  return {
    record(input) {
      const row = rowOf(input);
      return record({
        row,
        payload: input.payloadText,
        id: row[0] as string,
        name: row[1] as string,
        at: row[2] as string | null,
        receivedAt: input.receivedAt,
      });
    },
  };
}
