import { type DeliveryRow, readDeliveryRecord } from './read-delivery-row.ts';
import type { DeliveryLog, SqlExecutor, SqlValue } from './types.ts';

/** `WHERE …` of a page: the filters and the keyset (deliveries after `after`), and its parameters. */
function pageOf({
  org,
  status,
  after,
  limit,
}: {
  org?: string | undefined;
  status?: string | undefined;
  after?: { receivedAt: number; id: string } | undefined;
  limit: number;
}): { where: string; params: SqlValue[] } {
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
  return {
    where: `${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.received_at, d.id LIMIT $${params.length}`,
    params,
  };
}

/** The stored deliveries as the API lists and exports them (keyset paging, oldest first). */
export function createDeliveryLog({ q }: { q: SqlExecutor }): DeliveryLog {
  return {
    async list(input) {
      const { where, params } = pageOf(input);
      const rows = await q.query<DeliveryRow>(`SELECT d.* FROM deliveries d ${where}`, params);
      return rows.map(readDeliveryRecord);
    },

    async export(input) {
      const { where, params } = pageOf(input);
      const rows = await q.query<DeliveryRow & { payload: string }>(
        `SELECT d.*, p.payload FROM deliveries d JOIN delivery_payloads p ON p.id = d.id ${where}`,
        params,
      );
      return rows.map((row) => ({ record: readDeliveryRecord(row), payloadText: row.payload }));
    },
  };
}
