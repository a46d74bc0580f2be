import { columnKey } from './column-key.ts';
import { type DeliveryRow, readStoredDelivery, SELECT_DELIVERY } from './read-delivery-row.ts';
import type { DeliveryQueue, Dialect, SqlExecutor } from './types.ts';
import { valuesList } from './values-list.ts';

/** A located org or repository as its column holds it (columnKey: a NUL or an over-long name is hashed). */
const keyOf = (text: string | null): string | null => (text === null ? null : columnKey(text));

/**
 * The deliveries table as a durable queue: a delivery is claimed by one
 * worker at a time under a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL)
 * and marked processed, in the transaction that writes its facts, only while
 * the claim holds, so two replicas never both process it.
 */
export function createDeliveryQueue({ q, dialect }: { q: SqlExecutor; dialect: Dialect }): DeliveryQueue {
  const skipLocked = dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  return {
    async claim({ worker, now, lease, limit }) {
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
        dialect === 'postgres'
          ? await q.query<DeliveryRow & { payload: string }>(
              `WITH claimed AS (${claim} RETURNING *)
               SELECT claimed.*, p.payload FROM claimed JOIN delivery_payloads p ON p.id = claimed.id`,
              params,
            )
          : await q.query<DeliveryRow & { payload: string }>(
              `${SELECT_DELIVERY} WHERE d.locked_by = $1 AND d.locked_until = $2 AND d.id IN (SELECT value FROM json_each($3))`,
              [
                worker,
                now + lease,
                JSON.stringify((await q.query<{ id: string }>(`${claim} RETURNING id`, params)).map((row) => row.id)),
              ],
            );
      return rows
        .map(readStoredDelivery)
        .sort((a, b) => a.receivedAt - b.receivedAt || (a.delivery.id < b.delivery.id ? -1 : 1));
    },

    async complete({ worker, now, deliveries }) {
      const mark = `UPDATE deliveries SET status = 'processed', processed_at = $1, process_count = process_count + 1,
           last_error = NULL, locked_by = NULL, locked_until = NULL, org = t.org, repo = t.repo, installation_id = t.installation_id`;
      const claimed = "deliveries.locked_by = $2 AND deliveries.status <> 'processed'";
      if (deliveries.length === 0) return new Set();
      if (dialect === 'sqlite') {
        // in-process: one prepared statement a delivery costs microseconds
        const marked = new Set<string>();
        for (const { id, location } of deliveries) {
          const rows = await q.query<{ id: string }>(
            `${mark} FROM (SELECT $3 AS id, $4 AS org, $5 AS repo, $6 AS installation_id) AS t
             WHERE deliveries.id = t.id AND ${claimed} RETURNING deliveries.id`,
            [now, worker, id, keyOf(location.org), keyOf(location.repo), location.installationId],
          );
          for (const row of rows) marked.add(row.id);
        }
        return marked;
      }
      // PostgreSQL: one statement for the batch, the located rows as a VALUES list
      const rows = deliveries.map(({ id, location }) => [
        id,
        keyOf(location.org),
        keyOf(location.repo),
        location.installationId,
      ]);
      const marked = await q.query<{ id: string }>(
        `${mark} FROM (SELECT column1 AS id, column2 AS org, column3 AS repo, column4::bigint AS installation_id
           FROM (VALUES ${valuesList({ rows: rows.length, columns: 4, from: 3 })}) AS v) AS t
         WHERE deliveries.id = t.id AND ${claimed} RETURNING deliveries.id`,
        [now, worker, ...rows.flat()],
      );
      return new Set(marked.map((row) => row.id));
    },

    async fail({ id, worker, error, location, retryAt }) {
      await q.query(
        `UPDATE deliveries SET status = 'failed', last_error = $3, next_attempt_at = $4,
           locked_by = NULL, locked_until = NULL, org = $5, repo = $6, installation_id = $7
         WHERE id = $1 AND locked_by = $2 AND status <> 'processed'`,
        [id, worker, error, retryAt, keyOf(location.org), keyOf(location.repo), location.installationId],
      );
    },
  };
}
