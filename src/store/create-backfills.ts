import { orgOf } from './org-of.ts';
import type { BackfillJob, Backfills, Dialect, SqlExecutor } from './types.ts';

interface BackfillRow {
  repo: string;
  org: string;
  installation_id: number | string;
  status: string;
  attempts: number | string;
  last_error: string | null;
  stage: number | string;
  recent_since: number | string | null;
}

function readBackfillRow(row: BackfillRow): BackfillJob {
  return {
    repo: row.repo,
    org: row.org,
    installationId: Number(row.installation_id),
    status: row.status as BackfillJob['status'],
    attempts: Number(row.attempts),
    lastError: row.last_error,
    stage: Number(row.stage) === 1 ? 1 : 0,
    recentSince: row.recent_since === null ? null : Number(row.recent_since),
  };
}

/**
 * One backfill job per repository, kept in the database so a restart resumes
 * the jobs not yet done; claimed under a lease, a pass ended in the
 * transaction that writes the facts it collected. Two passes a repository
 * (docs/app.md, "The first hour"): the recent window of every repository of
 * an installation before the rest of any. Per installation, when it was last
 * served, until when its rate limit is spent and what it spent.
 */
export function createBackfills({ q, dialect }: { q: SqlExecutor; dialect: Dialect }): Backfills {
  const skipLocked = dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const columns = 'repo, org, installation_id, status, attempts, last_error, stage, recent_since';
  const claimable = `status IN ('pending', 'failed') AND next_attempt_at <= $3 AND (locked_until IS NULL OR locked_until <= $3)`;
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
           WHERE ${claimable} AND installation_id = (
             SELECT b.installation_id FROM backfills b
             LEFT JOIN backfill_installations i ON i.installation_id = b.installation_id
             WHERE b.status IN ('pending', 'failed') AND b.next_attempt_at <= $3
               AND (b.locked_until IS NULL OR b.locked_until <= $3)
               AND (i.waiting_until IS NULL OR i.waiting_until <= $3)
             ORDER BY COALESCE(i.served_at, 0), b.installation_id LIMIT 1
           )
           ORDER BY stage, next_attempt_at, repo LIMIT $4${skipLocked}
         )
         RETURNING ${columns}`,
        [worker, now + lease, now, limit],
      );
      const jobs = rows.map(readBackfillRow).sort((a, b) => a.stage - b.stage || (a.repo < b.repo ? -1 : 1));
      if (jobs[0]) {
        await q.query(
          `INSERT INTO backfill_installations (installation_id, started_at, served_at, waiting_until, requests, points)
           VALUES ($1, $2, $2, NULL, 0, 0)
           ON CONFLICT (installation_id) DO UPDATE SET served_at = excluded.served_at, waiting_until = NULL`,
          [jobs[0].installationId, now],
        );
      }
      return jobs;
    },

    async complete({ repo, worker, now, recentSince }) {
      const rows =
        recentSince === undefined
          ? await q.query(
              `UPDATE backfills SET status = 'done', done_at = $3, last_error = NULL, locked_by = NULL, locked_until = NULL
               WHERE repo = $1 AND locked_by = $2 RETURNING repo`,
              [repo, worker, now],
            )
          : await q.query(
              `UPDATE backfills SET stage = 1, recent_since = $4, status = 'pending', attempts = 0, next_attempt_at = $3,
                 last_error = NULL, locked_by = NULL, locked_until = NULL
               WHERE repo = $1 AND locked_by = $2 RETURNING repo`,
              [repo, worker, now, recentSince],
            );
      return rows.length === 1;
    },

    async defer({ installationId, worker, until }) {
      await q.query(
        `UPDATE backfills SET locked_by = NULL, locked_until = NULL, attempts = attempts - 1
         WHERE installation_id = $1 AND locked_by = $2`,
        [installationId, worker],
      );
      await q.query('UPDATE backfill_installations SET waiting_until = $2 WHERE installation_id = $1', [
        installationId,
        until,
      ]);
    },

    async spent({ installationId, requests, points, now }) {
      await q.query(
        'UPDATE backfill_installations SET requests = requests + $2, points = points + $3 WHERE installation_id = $1',
        [installationId, requests, points],
      );
      // the partial report: every repository's recent window read
      await q.query(
        `UPDATE backfill_installations SET partial_at = $2
         WHERE installation_id = $1 AND partial_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM backfills WHERE installation_id = $1 AND stage = 0 AND status <> 'done')`,
        [installationId, now],
      );
    },

    async fail({ repo, worker, error, retryAt }) {
      await q.query(
        `UPDATE backfills SET status = 'failed', last_error = $3, next_attempt_at = $4, locked_by = NULL, locked_until = NULL
         WHERE repo = $1 AND locked_by = $2`,
        [repo, worker, error, retryAt],
      );
    },

    async count({ installationId }) {
      const rows = await q.query<{ status: string; stage: number | string; n: number | string }>(
        'SELECT status, stage, COUNT(*) AS n FROM backfills WHERE installation_id = $1 GROUP BY status, stage',
        [installationId],
      );
      const sum = (keep: (row: { status: string; stage: number }) => boolean) =>
        rows.reduce(
          (total, row) => total + (keep({ status: row.status, stage: Number(row.stage) }) ? Number(row.n) : 0),
          0,
        );
      const budget = await q.query<{
        waiting_until: number | string | null;
        requests: number | string;
        points: number | string;
        started_at: number | string;
        partial_at: number | string | null;
      }>(
        'SELECT waiting_until, requests, points, started_at, partial_at FROM backfill_installations WHERE installation_id = $1',
        [installationId],
      );
      const tally = budget[0];
      const orNull = (value: number | string | null | undefined) =>
        value === null || value === undefined ? null : Number(value);
      return {
        total: sum(() => true),
        done: sum((row) => row.status === 'done'),
        failed: sum((row) => row.status === 'failed'),
        recentDone: sum((row) => row.status === 'done' || row.stage === 1),
        waitingUntil: orNull(tally?.waiting_until),
        requests: Number(tally?.requests ?? 0),
        points: Number(tally?.points ?? 0),
        startedAt: orNull(tally?.started_at),
        partialAt: orNull(tally?.partial_at),
      };
    },

    async countOrg({ org }) {
      const rows = await q.query<{ installation_id: number | string }>(
        'SELECT installation_id FROM backfills WHERE org = $1 ORDER BY repo LIMIT 1',
        [org],
      );
      return rows[0] ? this.count({ installationId: Number(rows[0].installation_id) }) : null;
    },

    async read({ repo }) {
      const rows = await q.query<BackfillRow>(`SELECT ${columns} FROM backfills WHERE repo = $1`, [repo]);
      return rows[0] ? readBackfillRow(rows[0]) : null;
    },
  };
}
