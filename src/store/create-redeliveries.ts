import type { Redeliveries, SqlExecutor } from './types.ts';

/** Which deliveries are stored, and the redelivery requests the App made (asked again only after a pause). */
export function createRedeliveries({ q }: { q: SqlExecutor }): Redeliveries {
  return {
    async storedIds({ ids }) {
      const found = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = await q.query<{ id: string }>(
          `SELECT id FROM deliveries WHERE id IN (${chunk.map((_, k) => `$${k + 1}`).join(', ')})`,
          chunk,
        );
        for (const row of rows) found.add(row.id);
      }
      return found;
    },

    async record({ deliveryId, hookDeliveryId, now, askAgainAfter }) {
      const rows = await q.query(
        `INSERT INTO redeliveries (delivery_id, hook_delivery_id, requested_at) VALUES ($1, $2, $3)
         ON CONFLICT (delivery_id) DO UPDATE SET hook_delivery_id = excluded.hook_delivery_id,
           requested_at = excluded.requested_at
         WHERE redeliveries.requested_at <= $4
         RETURNING delivery_id`,
        [deliveryId, hookDeliveryId, now, now - askAgainAfter],
      );
      return rows.length === 1;
    },
  };
}
