import { orgOf } from './org-of.ts';
import type { Dialect, EvaluationQueue, SqlExecutor } from './types.ts';
import { valuesList } from './values-list.ts';

/** Repositories in one statement (6 parameters each, far below PostgreSQL's 65,535). */
const ROWS_PER_STATEMENT = 1000;

/**
 * Repositories whose releases must be evaluated again: a request marks the
 * repo (`dirty_at`, with a version that grows with every request), claimed
 * under a lease like deliveries; releasing a claim clears the mark only when
 * no request came in meanwhile, and leaves `locked_until` at the time the
 * repo may be claimed again (unowned: a rest, not a lease). The claim waits
 * for a rest only while deliveries wait to be processed: with nothing else to
 * do, a repository asked for is evaluated at once.
 */
export function createEvaluationQueue({ q, dialect }: { q: SqlExecutor; dialect: Dialect }): EvaluationQueue {
  const skipLocked = dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  return {
    async request({ repos, now }) {
      // one statement a batch, sorted: two writers touching the same repos take their row locks in one order
      const sorted = [...new Set(repos)].sort();
      for (let from = 0; from < sorted.length; from += ROWS_PER_STATEMENT) {
        const rows = sorted.slice(from, from + ROWS_PER_STATEMENT);
        await q.query(
          `INSERT INTO repos (repo, org, installation_id, dirty_at, dirty_version, known_since)
           VALUES ${valuesList({ rows: rows.length, columns: 6 })}
           ON CONFLICT (repo) DO UPDATE SET dirty_at = COALESCE(repos.dirty_at, excluded.dirty_at),
             dirty_version = repos.dirty_version + 1`,
          rows.flatMap((repo) => [repo, orgOf(repo), null, now, 1, now]),
        );
      }
    },

    async claim({ worker, now, lease, limit }) {
      const rows = await q.query<{ repo: string; dirty_version: number | string }>(
        `UPDATE repos SET locked_by = $1, locked_until = $2
         WHERE repo IN (
           SELECT repo FROM repos
           WHERE dirty_at IS NOT NULL AND dirty_at <= $3
             AND (locked_until IS NULL OR locked_until <= $3
               OR (locked_by IS NULL AND NOT EXISTS (
                 SELECT 1 FROM deliveries WHERE status <> 'processed' AND next_attempt_at <= $3)))
           ORDER BY dirty_at, repo LIMIT $4${skipLocked}
         )
         RETURNING repo, dirty_version`,
        [worker, now + lease, now, limit],
      );
      return rows
        .map((row) => ({ repo: row.repo, version: Number(row.dirty_version) }))
        .sort((a, b) => (a.repo < b.repo ? -1 : 1));
    },

    async release({ repo, worker, version, retryAt, soonest, next }) {
      if (retryAt !== undefined) {
        await q.query(
          'UPDATE repos SET locked_by = NULL, locked_until = NULL, dirty_at = $3 WHERE repo = $1 AND locked_by = $2',
          [repo, worker, retryAt],
        );
        return;
      }
      await q.query(
        `UPDATE repos SET locked_by = NULL, locked_until = CAST($4 AS BIGINT),
           dirty_at = CASE WHEN dirty_version = $3 THEN CAST($5 AS BIGINT) ELSE dirty_at END
         WHERE repo = $1 AND locked_by = $2`,
        [repo, worker, version, soonest === undefined ? null : Math.ceil(soonest), next ?? null],
      );
    },
  };
}
