import type { Fact } from '../events/types.ts';
import { columnKey } from './column-key.ts';
import { createRecordBatcher } from './create-record-batcher.ts';
import { type DeliveryRow, readDeliveryRow } from './read-delivery-row.ts';
import type { SqlDatabase, SqlValue, Store } from './types.ts';
import { writeFacts } from './write-facts.ts';

type DeliveryQueue = Pick<
  Store,
  | 'recordDelivery'
  | 'claimDeliveries'
  | 'completeDelivery'
  | 'completeDeliveries'
  | 'failDelivery'
  | 'readDelivery'
  | 'listDeliveries'
  | 'exportDeliveries'
  | 'storedDeliveryIds'
>;

/** A delivery's queue row with its payload. */
const SELECT = 'SELECT d.*, p.payload FROM deliveries d JOIN delivery_payloads p ON p.id = d.id';

/**
 * Commits processed deliveries in one transaction (one fsync for a batch):
 * each is marked processed and its facts written only while `worker` still
 * holds its claim. Returns the ids committed.
 */
function createCompleter({ db }: { db: SqlDatabase }): Store['completeDeliveries'] {
  return ({ worker, now, deliveries }) =>
    db.transaction(async (tx) => {
      const committed = new Set<string>();
      const facts: Fact[] = [];
      if (db.dialect === 'postgres') {
        // one statement for the batch, not a round trip per delivery
        const rows = await tx.query<{ id: string }>(
          `UPDATE deliveries SET status = 'processed', processed_at = $3, process_count = process_count + 1,
             last_error = NULL, locked_by = NULL, locked_until = NULL
           WHERE id = ANY($1::text[]) AND locked_by = $2 AND status <> 'processed' RETURNING id`,
          [deliveries.map((d) => d.id), worker, now],
        );
        const updated = new Set(rows.map((row) => row.id));
        for (const { id, facts: own } of deliveries) {
          if (!updated.has(id)) continue;
          committed.add(id);
          facts.push(...own);
        }
        await writeFacts({ tx, facts, now, dialect: db.dialect });
        return committed;
      }
      for (const { id, facts: own } of deliveries) {
        const rows = await tx.query(
          `UPDATE deliveries SET status = 'processed', processed_at = $3, process_count = process_count + 1,
             last_error = NULL, locked_by = NULL, locked_until = NULL
           WHERE id = $1 AND locked_by = $2 AND status <> 'processed' RETURNING id`,
          [id, worker, now],
        );
        if (rows.length === 0) continue;
        committed.add(id);
        facts.push(...own);
      }
      await writeFacts({ tx, facts, now, dialect: db.dialect });
      return committed;
    });
}

/**
 * The deliveries table as a durable queue: a delivery is stored once by its
 * id, claimed by one worker at a time under a lease (`FOR UPDATE SKIP LOCKED`
 * on PostgreSQL), and committed with its facts in one transaction only while
 * the claim holds, so two replicas never both process it.
 */
export function createDeliveryQueue({ db }: { db: SqlDatabase }): DeliveryQueue {
  const completeDeliveries = createCompleter({ db });
  const skipLocked = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const recordBatcher = createRecordBatcher({ db });
  const selectByIds = async (ids: string[]): Promise<DeliveryRow[]> => {
    const rows: DeliveryRow[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      if (chunk.length === 0) continue;
      rows.push(
        ...(await db.query<DeliveryRow>(
          `${SELECT} WHERE d.id IN (${chunk.map((_, k) => `$${k + 1}`).join(', ')})`,
          chunk,
        )),
      );
    }
    return rows;
  };
  return {
    recordDelivery: (input) => recordBatcher.add(input),

    async claimDeliveries({ worker, now, lease, limit }) {
      const claim = `UPDATE deliveries SET locked_by = $1, locked_until = $2, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM deliveries
           WHERE status <> 'processed' AND next_attempt_at <= $3
             AND (locked_until IS NULL OR locked_until <= $3)
           ORDER BY received_at, id LIMIT $4${skipLocked}
         )`;
      const params = [worker, now + lease, now, limit];
      // PostgreSQL: claimed rows and their payloads in one statement (SQLite has no UPDATE in a WITH)
      const rows =
        db.dialect === 'postgres'
          ? await db.query<DeliveryRow>(
              `WITH claimed AS (${claim} RETURNING *)
               SELECT claimed.*, p.payload FROM claimed JOIN delivery_payloads p ON p.id = claimed.id`,
              params,
            )
          : await selectByIds((await db.query<{ id: string }>(`${claim} RETURNING id`, params)).map((row) => row.id));
      const stored = rows.map(readDeliveryRow);
      // deliveries stored as received get their location columns now (the org filter of listDeliveries),
      // as key columns: a hostile repository name (a NUL, 3 KB) must not fail the claim of the batch
      const located = stored.filter(
        (s, i) =>
          rows[i]!.org === null &&
          rows[i]!.repo === null &&
          rows[i]!.installation_id === null &&
          (s.org !== null || s.repo !== null || s.installationId !== null),
      );
      if (located.length > 0 && db.dialect === 'postgres') {
        // one statement, not a round trip per delivery
        await db.query(
          `UPDATE deliveries d SET org = t.org, repo = t.repo, installation_id = t.installation_id
           FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS t (id, org, repo, installation_id)
           WHERE d.id = t.id`,
          [
            located.map((s) => s.delivery.id),
            located.map((s) => (s.org === null ? null : columnKey(s.org))),
            located.map((s) => (s.repo === null ? null : columnKey(s.repo))),
            located.map((s) => s.installationId),
          ],
        );
      } else if (located.length > 0) {
        await db.transaction(async (tx) => {
          for (const s of located) {
            await tx.query('UPDATE deliveries SET org = $2, repo = $3, installation_id = $4 WHERE id = $1', [
              s.delivery.id,
              s.org === null ? null : columnKey(s.org),
              s.repo === null ? null : columnKey(s.repo),
              s.installationId,
            ]);
          }
        });
      }
      return stored.sort((a, b) => a.receivedAt - b.receivedAt || (a.delivery.id < b.delivery.id ? -1 : 1));
    },

    completeDelivery: async ({ id, worker, facts, now }) =>
      (await completeDeliveries({ worker, now, deliveries: [{ id, facts }] })).has(id),

    completeDeliveries,

    async failDelivery({ id, worker, error, retryAt }) {
      await db.query(
        `UPDATE deliveries SET status = 'failed', last_error = $3, next_attempt_at = $4,
           locked_by = NULL, locked_until = NULL
         WHERE id = $1 AND locked_by = $2 AND status <> 'processed'`,
        [id, worker, error, retryAt],
      );
    },

    async readDelivery({ id }) {
      const rows = await db.query<DeliveryRow>(`${SELECT} WHERE d.id = $1`, [id]);
      return rows[0] ? readDeliveryRow(rows[0]) : null;
    },

    async listDeliveries({ org, status, limit, after }) {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (org !== undefined) {
        params.push(org);
        where.push(`d.org = $${params.length}`);
      }
      if (status !== undefined) {
        params.push(status);
        where.push(`d.status = $${params.length}`);
      }
      if (after !== undefined) {
        params.push(after.receivedAt, after.id);
        where.push(
          `(d.received_at > $${params.length - 1} OR (d.received_at = $${params.length - 1} AND d.id > $${params.length}))`,
        );
      }
      params.push(limit);
      const rows = await db.query<DeliveryRow>(
        `${SELECT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY d.received_at, d.id LIMIT $${params.length}`,
        params,
      );
      return rows.map(readDeliveryRow);
    },

    async exportDeliveries({ org, limit, after }) {
      const rows = await db.query<{
        id: string;
        name: string;
        delivered_at: string | null;
        received_at: number | string;
        payload: string;
      }>(
        `SELECT d.id, d.name, d.delivered_at, d.received_at, p.payload
         FROM deliveries d JOIN delivery_payloads p ON p.id = d.id
         WHERE d.org = $1 ${after ? 'AND (d.received_at > $3 OR (d.received_at = $3 AND d.id > $4))' : ''}
         ORDER BY d.received_at, d.id LIMIT $2`,
        after ? [org, limit, after.receivedAt, after.id] : [org, limit],
      );
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        at: row.delivered_at,
        receivedAt: Number(row.received_at),
        payloadText: row.payload,
      }));
    },

    async storedDeliveryIds({ ids }) {
      const found = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = await db.query<{ id: string }>(
          `SELECT id FROM deliveries WHERE id IN (${chunk.map((_, k) => `$${k + 1}`).join(', ')})`,
          chunk,
        );
        for (const row of rows) found.add(row.id);
      }
      return found;
    },
  };
}
