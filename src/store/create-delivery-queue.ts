import { locateDelivery } from './locate-delivery.ts';
import { type DeliveryRow, readDeliveryRow } from './read-delivery-row.ts';
import type { SqlDatabase, SqlValue, Store } from './types.ts';
import { writeFacts } from './write-facts.ts';

type DeliveryQueue = Pick<
  Store,
  | 'recordDelivery'
  | 'claimDeliveries'
  | 'completeDelivery'
  | 'failDelivery'
  | 'readDelivery'
  | 'listDeliveries'
  | 'storedDeliveryIds'
>;

/**
 * The deliveries table as a durable queue: a delivery is stored once by its
 * id, claimed by one worker at a time under a lease (`FOR UPDATE SKIP LOCKED`
 * on PostgreSQL), and committed with its facts in one transaction only while
 * the claim holds, so two replicas never both process it.
 */
export function createDeliveryQueue({ db }: { db: SqlDatabase }): DeliveryQueue {
  const skipLocked = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  return {
    async recordDelivery({ delivery, receivedAt, installationId }) {
      const { repo, org } = locateDelivery(delivery.payload);
      const rows = await db.query(
        `INSERT INTO deliveries (id, name, payload, delivered_at, received_at, installation_id, org, repo,
           status, attempts, next_attempt_at, process_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, $5, 0)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          delivery.id,
          delivery.name,
          JSON.stringify(delivery.payload),
          delivery.at ?? null,
          receivedAt,
          installationId,
          org,
          repo,
        ],
      );
      return rows.length === 1;
    },

    async claimDeliveries({ worker, now, lease, limit }) {
      const rows = await db.query<DeliveryRow>(
        `UPDATE deliveries SET locked_by = $1, locked_until = $2, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM deliveries
           WHERE status IN ('pending', 'failed') AND next_attempt_at <= $3
             AND (locked_until IS NULL OR locked_until <= $3)
           ORDER BY received_at, id LIMIT $4${skipLocked}
         )
         RETURNING *`,
        [worker, now + lease, now, limit],
      );
      return rows
        .map(readDeliveryRow)
        .sort((a, b) => a.receivedAt - b.receivedAt || (a.delivery.id < b.delivery.id ? -1 : 1));
    },

    completeDelivery: ({ id, worker, facts, now }) =>
      db.transaction(async (tx) => {
        const rows = await tx.query(
          `UPDATE deliveries SET status = 'processed', processed_at = $3, process_count = process_count + 1,
             last_error = NULL, locked_by = NULL, locked_until = NULL
           WHERE id = $1 AND locked_by = $2 AND status <> 'processed' RETURNING id`,
          [id, worker, now],
        );
        if (rows.length === 0) return false;
        await writeFacts({ tx, facts, now });
        return true;
      }),

    async failDelivery({ id, worker, error, retryAt }) {
      await db.query(
        `UPDATE deliveries SET status = 'failed', last_error = $3, next_attempt_at = $4,
           locked_by = NULL, locked_until = NULL
         WHERE id = $1 AND locked_by = $2 AND status <> 'processed'`,
        [id, worker, error, retryAt],
      );
    },

    async readDelivery({ id }) {
      const rows = await db.query<DeliveryRow>('SELECT * FROM deliveries WHERE id = $1', [id]);
      return rows[0] ? readDeliveryRow(rows[0]) : null;
    },

    async listDeliveries({ org, status, limit, after }) {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (org !== undefined) {
        params.push(org);
        where.push(`org = $${params.length}`);
      }
      if (status !== undefined) {
        params.push(status);
        where.push(`status = $${params.length}`);
      }
      if (after !== undefined) {
        params.push(after.receivedAt, after.id);
        where.push(
          `(received_at > $${params.length - 1} OR (received_at = $${params.length - 1} AND id > $${params.length}))`,
        );
      }
      params.push(limit);
      const rows = await db.query<DeliveryRow>(
        `SELECT * FROM deliveries ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY received_at, id LIMIT $${params.length}`,
        params,
      );
      return rows.map(readDeliveryRow);
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
