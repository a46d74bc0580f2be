import { orgOf } from './org-of.ts';
import type { RepoRecord, SqlDatabase, Store } from './types.ts';

type RepoRegistry = Pick<
  Store,
  | 'upsertRepo'
  | 'readRepo'
  | 'listRepos'
  | 'listOrgs'
  | 'markReposDirty'
  | 'claimDirtyRepos'
  | 'releaseRepo'
  | 'saveConfig'
  | 'readConfig'
>;

interface RepoRow {
  repo: string;
  org: string;
  installation_id: number | string | null;
  dirty_at: number | string | null;
  dirty_version: number | string;
  known_since: number | string;
}

function readRepoRow(row: RepoRow): RepoRecord {
  return {
    repo: row.repo,
    org: row.org,
    installationId: row.installation_id === null ? null : Number(row.installation_id),
    dirtyAt: row.dirty_at === null ? null : Number(row.dirty_at),
    dirtyVersion: Number(row.dirty_version),
    knownSince: Number(row.known_since),
  };
}

/**
 * Repositories the App knows, with their installation and whether their
 * releases need re-evaluating (a "dirty" mark with a version, claimed under a
 * lease like deliveries), and the configs read for them and their orgs.
 */
export function createRepoRegistry({ db }: { db: SqlDatabase }): RepoRegistry {
  const skipLocked = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const columns = 'repo, org, installation_id, dirty_at, dirty_version, known_since';
  return {
    async upsertRepo({ repo, installationId, now }) {
      await db.query(
        `INSERT INTO repos (repo, org, installation_id, dirty_at, dirty_version, known_since) VALUES ($1, $2, $3, NULL, 0, $4)
         ON CONFLICT (repo) DO UPDATE SET installation_id = COALESCE(excluded.installation_id, repos.installation_id)`,
        [repo, orgOf(repo), installationId, now],
      );
    },

    async readRepo({ repo }) {
      const rows = await db.query<RepoRow>(`SELECT ${columns} FROM repos WHERE repo = $1`, [repo]);
      return rows[0] ? readRepoRow(rows[0]) : null;
    },

    async listRepos({ org }) {
      const rows = await db.query<RepoRow>(`SELECT ${columns} FROM repos WHERE org = $1 ORDER BY repo`, [org]);
      return rows.map(readRepoRow);
    },

    async listOrgs() {
      const rows = await db.query<{ org: string }>('SELECT DISTINCT org FROM repos');
      // sorted here, not in SQL: PostgreSQL's collation would differ from SQLite's binary order
      return rows.map((row) => row.org).sort();
    },

    markReposDirty: ({ repos, now }) =>
      db.transaction(async (tx) => {
        for (const repo of [...new Set(repos)].sort()) {
          await tx.query(
            `INSERT INTO repos (repo, org, installation_id, dirty_at, dirty_version, known_since) VALUES ($1, $2, NULL, $3, 1, $3)
             ON CONFLICT (repo) DO UPDATE SET dirty_at = excluded.dirty_at, dirty_version = repos.dirty_version + 1`,
            [repo, orgOf(repo), now],
          );
        }
      }),

    async claimDirtyRepos({ worker, now, lease, limit }) {
      const rows = await db.query<RepoRow>(
        `UPDATE repos SET locked_by = $1, locked_until = $2
         WHERE repo IN (
           SELECT repo FROM repos
           WHERE dirty_at IS NOT NULL AND dirty_at <= $3 AND (locked_until IS NULL OR locked_until <= $3)
           ORDER BY dirty_at, repo LIMIT $4${skipLocked}
         )
         RETURNING ${columns}`,
        [worker, now + lease, now, limit],
      );
      return rows.map(readRepoRow).sort((a, b) => (a.repo < b.repo ? -1 : 1));
    },

    async releaseRepo({ repo, worker, dirtyVersion, retryAt }) {
      if (retryAt !== undefined) {
        await db.query(
          'UPDATE repos SET locked_by = NULL, locked_until = NULL, dirty_at = $3 WHERE repo = $1 AND locked_by = $2',
          [repo, worker, retryAt],
        );
        return;
      }
      await db.query(
        `UPDATE repos SET locked_by = NULL, locked_until = NULL,
           dirty_at = CASE WHEN dirty_version = $3 THEN NULL ELSE dirty_at END
         WHERE repo = $1 AND locked_by = $2`,
        [repo, worker, dirtyVersion],
      );
    },

    async saveConfig({ scope, value, error, readAt }) {
      await db.query(
        `INSERT INTO configs (scope, value, error, read_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope) DO UPDATE SET value = excluded.value, error = excluded.error, read_at = excluded.read_at`,
        [scope, value === undefined ? null : JSON.stringify(value), error, readAt],
      );
    },

    async readConfig({ scope }) {
      const rows = await db.query<{
        scope: string;
        value: string | null;
        error: string | null;
        read_at: number | string;
      }>('SELECT scope, value, error, read_at FROM configs WHERE scope = $1', [scope]);
      const row = rows[0];
      if (!row) return null;
      return {
        scope: row.scope,
        value: row.value === null ? null : (JSON.parse(row.value) as unknown),
        error: row.error,
        readAt: Number(row.read_at),
      };
    },
  };
}
