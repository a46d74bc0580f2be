import { columnKey } from './column-key.ts';
import type { SqlDatabase, Store } from './types.ts';

type ScheduleState = Pick<
  Store,
  | 'setTimer'
  | 'clearTimer'
  | 'fireTimers'
  | 'claimPublication'
  | 'finishPublication'
  | 'latestPublication'
  | 'recordRedelivery'
  | 'takeLease'
>;

/**
 * What must survive restarts and be shared by replicas: timers that re-evaluate
 * a release when its window closes (each fires once), the publication log
 * (one generation per published verdict: a replica publishes only the
 * generation it inserted), redelivery requests made, and named leases.
 */
export function createScheduleState({ db }: { db: SqlDatabase }): ScheduleState {
  return {
    async setTimer({ repo, tag, dueAt }) {
      await db.query(
        `INSERT INTO timers (repo, tag, due_at) VALUES ($1, $2, $3)
         ON CONFLICT (repo, tag) DO UPDATE SET due_at = excluded.due_at`,
        [repo, columnKey(tag), dueAt],
      );
    },

    async clearTimer({ repo, tag }) {
      await db.query('DELETE FROM timers WHERE repo = $1 AND tag = $2', [repo, columnKey(tag)]);
    },

    fireTimers: ({ now }) =>
      db.transaction(async (tx) => {
        const fired = await tx.query<{ repo: string; tag: string }>(
          'DELETE FROM timers WHERE due_at <= $1 RETURNING repo, tag',
          [now],
        );
        for (const repo of [...new Set(fired.map((f) => f.repo))].sort()) {
          await tx.query('UPDATE repos SET dirty_at = $2, dirty_version = dirty_version + 1 WHERE repo = $1', [
            repo,
            now,
          ]);
        }
        return fired.sort((a, b) => (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : a.tag < b.tag ? -1 : 1));
      }),

    claimPublication: ({ repo, tag, hash, status, now, lease }) =>
      db.transaction(async (tx) => {
        const rows = await tx.query<{
          generation: number | string;
          hash: string;
          state: string;
          claimed_at: number | string;
        }>(
          'SELECT generation, hash, state, claimed_at FROM publications WHERE repo = $1 AND tag = $2 ORDER BY generation DESC LIMIT 1',
          [repo, columnKey(tag)],
        );
        const latest = rows[0];
        let generation = latest ? Number(latest.generation) + 1 : 1;
        if (latest && latest.hash === hash) {
          const stale = latest.state === 'claimed' && Number(latest.claimed_at) + lease <= now;
          if (!stale) return null;
          generation = Number(latest.generation);
          const taken = await tx.query(
            `UPDATE publications SET claimed_at = $4 WHERE repo = $1 AND tag = $2 AND generation = $3 AND claimed_at = $5
             RETURNING generation`,
            [repo, columnKey(tag), generation, now, Number(latest.claimed_at)],
          );
          return taken.length === 1 ? generation : null;
        }
        const inserted = await tx.query(
          `INSERT INTO publications (repo, tag, generation, hash, status, state, claimed_at)
           VALUES ($1, $2, $3, $4, $5, 'claimed', $6) ON CONFLICT (repo, tag, generation) DO NOTHING RETURNING generation`,
          [repo, columnKey(tag), generation, hash, status, now],
        );
        return inserted.length === 1 ? generation : null;
      }),

    async finishPublication({ repo, tag, generation, ok }) {
      if (ok) {
        await db.query(`UPDATE publications SET state = 'published' WHERE repo = $1 AND tag = $2 AND generation = $3`, [
          repo,
          columnKey(tag),
          generation,
        ]);
      } else {
        await db.query('DELETE FROM publications WHERE repo = $1 AND tag = $2 AND generation = $3', [
          repo,
          columnKey(tag),
          generation,
        ]);
      }
    },

    async latestPublication({ repo, tag }) {
      const rows = await db.query<{ hash: string; status: string; state: string }>(
        'SELECT hash, status, state FROM publications WHERE repo = $1 AND tag = $2 ORDER BY generation DESC LIMIT 1',
        [repo, columnKey(tag)],
      );
      return rows[0] ?? null;
    },

    async recordRedelivery({ deliveryId, hookDeliveryId, now, askAgainAfter }) {
      const rows = await db.query(
        `INSERT INTO redeliveries (delivery_id, hook_delivery_id, requested_at) VALUES ($1, $2, $3)
         ON CONFLICT (delivery_id) DO UPDATE SET hook_delivery_id = excluded.hook_delivery_id,
           requested_at = excluded.requested_at
         WHERE redeliveries.requested_at <= $4
         RETURNING delivery_id`,
        [deliveryId, hookDeliveryId, now, now - askAgainAfter],
      );
      return rows.length === 1;
    },

    async takeLease({ name, holder, now, ttl }) {
      const rows = await db.query(
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
