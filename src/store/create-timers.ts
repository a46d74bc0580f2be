import { columnKey } from './column-key.ts';
import type { SqlExecutor, Timers } from './types.ts';

/** Timers that bring a release back for evaluation when its window closes; each fires once. */
export function createTimers({ q }: { q: SqlExecutor }): Timers {
  return {
    async set({ repo, tag, dueAt }) {
      await q.query(
        `INSERT INTO timers (repo, tag, due_at) VALUES ($1, $2, $3)
         ON CONFLICT (repo, tag) DO UPDATE SET due_at = excluded.due_at`,
        [repo, columnKey(tag), dueAt],
      );
    },

    async clear({ repo, tag }) {
      await q.query('DELETE FROM timers WHERE repo = $1 AND tag = $2', [repo, columnKey(tag)]);
    },

    async fire({ now }) {
      const fired = await q.query<{ repo: string; tag: string }>(
        'DELETE FROM timers WHERE due_at <= $1 RETURNING repo, tag',
        [now],
      );
      return fired.sort((a, b) => (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : a.tag < b.tag ? -1 : 1));
    },
  };
}
