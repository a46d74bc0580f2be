import { columnKey } from './column-key.ts';
import { orgOf } from './org-of.ts';
import type { Dialect, PendingPublication, SqlExecutor, Verdicts } from './types.ts';

interface PendingRow {
  repo: string;
  tag: string;
  hash: string;
  body: string;
  attempts: number | string;
}

function readPendingRow(row: PendingRow): PendingPublication {
  return { repo: row.repo, tag: row.tag, hash: row.hash, body: row.body, attempts: Number(row.attempts) };
}

/**
 * `release_verdicts`: one row per release with its latest verdict, the hash
 * last published, and when publishing is due (NULL: nothing to publish).
 * Claimed under a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so a
 * verdict is published by one replica once; a failure waits for its retry.
 */
export function createVerdicts({ q, dialect }: { q: SqlExecutor; dialect: Dialect }): Verdicts {
  const skipLocked = dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  return {
    async save({ repo, verdicts, now }) {
      // only what changed is written: a repository's evaluation lists every release its report shows
      const stored = await q.query<{ tag: string; hash: string }>(
        'SELECT tag, hash FROM release_verdicts WHERE repo = $1',
        [repo],
      );
      const before = new Map(stored.map((row) => [row.tag, row.hash]));
      const waiting: string[] = [];
      const changed: string[] = [];
      for (const v of verdicts) {
        if (before.get(columnKey(v.tag)) === v.hash) continue;
        changed.push(v.tag);
        const rows = await q.query<{ tag: string }>(
          `INSERT INTO release_verdicts (repo, tag, org, hash, status, window_end, body, published_hash, publish_due, attempts)
           VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 = 1 THEN NULL ELSE $4 END, CASE WHEN $8 = 1 THEN CAST($9 AS BIGINT) END, 0)
           ON CONFLICT (repo, tag) DO UPDATE SET hash = excluded.hash, status = excluded.status,
             window_end = excluded.window_end, body = excluded.body,
             published_hash = CASE WHEN $8 = 1 THEN release_verdicts.published_hash ELSE excluded.hash END,
             publish_due = CASE
               WHEN $8 = 0 OR release_verdicts.published_hash = excluded.hash THEN NULL
               WHEN release_verdicts.hash = excluded.hash AND release_verdicts.publish_due IS NOT NULL THEN release_verdicts.publish_due
               ELSE CAST($9 AS BIGINT) END,
             attempts = CASE WHEN release_verdicts.hash = excluded.hash THEN release_verdicts.attempts ELSE 0 END
           RETURNING tag, publish_due`,
          [repo, columnKey(v.tag), orgOf(repo), v.hash, v.status, v.windowEnd, v.body, v.publish ? 1 : 0, now],
        );
        if (rows[0] && (rows[0] as { publish_due?: unknown }).publish_due !== null) waiting.push(v.tag);
      }
      const kept = new Set(verdicts.map((v) => columnKey(v.tag)));
      const removed = [...before.keys()].filter((tag) => !kept.has(tag)).sort();
      for (const tag of removed)
        await q.query('DELETE FROM release_verdicts WHERE repo = $1 AND tag = $2', [repo, tag]);
      return { waiting: waiting.sort(), changed, removed };
    },

    async claim({ worker, now, lease, limit }) {
      const rows = await q.query<PendingRow>(
        `UPDATE release_verdicts SET locked_by = $1, locked_until = $2, attempts = attempts + 1
         WHERE (repo, tag) IN (
           SELECT repo, tag FROM release_verdicts
           WHERE publish_due IS NOT NULL AND publish_due <= $3 AND (locked_until IS NULL OR locked_until <= $3)
           ORDER BY publish_due, repo, tag LIMIT $4${skipLocked}
         )
         RETURNING repo, tag, hash, body, attempts`,
        [worker, now + lease, now, limit],
      );
      return rows
        .map(readPendingRow)
        .sort((a, b) => (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : a.tag < b.tag ? -1 : 1));
    },

    async published({ repo, tag, hash, worker }) {
      await q.query(
        `UPDATE release_verdicts SET published_hash = $3, last_error = NULL, locked_by = NULL, locked_until = NULL,
           publish_due = CASE WHEN hash = $3 THEN NULL ELSE publish_due END,
           attempts = CASE WHEN hash = $3 THEN 0 ELSE attempts END
         WHERE repo = $1 AND tag = $2 AND locked_by = $4`,
        [repo, columnKey(tag), hash, worker],
      );
    },

    async fail({ repo, tag, worker, error, retryAt }) {
      await q.query(
        `UPDATE release_verdicts SET last_error = $3, publish_due = $4, locked_by = NULL, locked_until = NULL
         WHERE repo = $1 AND tag = $2 AND locked_by = $5`,
        [repo, columnKey(tag), error, retryAt, worker],
      );
    },
  };
}
