import type { Leases, SqlExecutor } from './types.ts';

/** Named leases: one holder at a time until it expires (or the holder renews it). */
export function createLeases({ q }: { q: SqlExecutor }): Leases {
  return {
    async take({ name, holder, now, ttl }) {
      const rows = await q.query(
        `INSERT INTO leases (name, holder, until_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_at = excluded.until_at
         WHERE leases.until_at <= $4 OR leases.holder = excluded.holder
         RETURNING name`,
        [name, holder, now + ttl, now],
      );
      return rows.length === 1;
    },
  };
}
