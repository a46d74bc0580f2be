import { orgOf } from './org-of.ts';
import type { BackfillJob, Backfills, Dialect, SqlExecutor } from './types.ts';

interface BackfillRow {
  repo: string;
  org: string;
  installation_id: number | string;
  status: string;
  attempts: number | string;
  last_error: string | null;
}

function readBackfillRow(row: BackfillRow): BackfillJob {
  return {
    repo: row.repo,
    org: row.org,
    installationId: Number(row.installation_id),
    status: row.status as BackfillJob['status'],
    attempts: Number(row.attempts),
    lastError: row.last_error,
  };
}

/**
 * One backfill job per repository, kept in the database so a restart resumes
 * the jobs not yet done; claimed under a lease, marked done in the
 * transaction that writes the facts it collected.
 */
export function createBackfills({ q, dialect }: { q: SqlExecutor; dialect: Dialect }): Backfills {
  const skipLocked = dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const columns = 'repo, org, installation_id, status, attempts, last_error';
  return {
    async enqueue({ repo, installationId, now }) {
      await q.query(
        `INSERT INTO backfills (repo, org, installation_id, status, attempts, next_attempt_at)
         VALUES ($1, $2, $3, 'pending', 0, $4)
         ON CONFLICT (repo) DO UPDATE SET installation_id = excluded.installation_id,
           status = CASE WHEN backfills.status = 'done' THEN 'done' ELSE 'pending' END,
           next_attempt_at = CASE WHEN backfills.status = 'done' THEN backfills.next_attempt_at ELSE excluded.next_attempt_at END`,
        [repo, orgOf(repo), installationId, now],
      );
    },

    async claim({ worker, now, lease, limit }) {
      const rows = await q.query<BackfillRow>(
        `UPDATE backfills SET locked_by = $1, locked_until = $2, attempts = attempts + 1
         WHERE repo IN (
           SELECT repo FROM backfills
           WHERE status IN ('pending', 'failed') AND next_attempt_at <= $3
             AND (locked_until IS NULL OR locked_until <= $3)
           ORDER BY next_attempt_at, repo LIMIT $4${skipLocked}
         )
         RETURNING ${columns}`,
        [worker, now + lease, now, limit],
      );
      return rows.map(readBackfillRow).sort((a, b) => (a.repo < b.repo ? -1 : 1));
    },

    async complete({ repo, worker, now }) {
      const rows = await q.query(
        `UPDATE backfills SET status = 'done', done_at = $3, last_error = NULL, locked_by = NULL, locked_until = NULL
         WHERE repo = $1 AND locked_by = $2 RETURNING repo`,
        [repo, worker, now],
      );
      return rows.length === 1;
    },

    async fail({ repo, worker, error, retryAt }) {
      await q.query(
        `UPDATE backfills SET status = 'failed', last_error = $3, next_attempt_at = $4, locked_by = NULL, locked_until = NULL
         WHERE repo = $1 AND locked_by = $2`,
        [repo, worker, error, retryAt],
      );
    },

    async count({ installationId }) {
      const rows = await q.query<{ status: string; n: number | string }>(
        'SELECT status, COUNT(*) AS n FROM backfills WHERE installation_id = $1 GROUP BY status',
        [installationId],
      );
      const count = (status: string) => Number(rows.find((row) => row.status === status)?.n ?? 0);
      return {
        total: rows.reduce((sum, row) => sum + Number(row.n), 0),
        done: count('done'),
        failed: count('failed'),
      };
    },

    async read({ repo }) {
      const rows = await q.query<BackfillRow>(`SELECT ${columns} FROM backfills WHERE repo = $1`, [repo]);
      return rows[0] ? readBackfillRow(rows[0]) : null;
    },
  };
}
