import { orgOf } from './org-of.ts';
import type { RepoRecord, RepoRegistry, SqlExecutor } from './types.ts';

interface RepoRow {
  repo: string;
  org: string;
  installation_id: number | string | null;
  known_since: number | string;
}

function readRepoRow(row: RepoRow): RepoRecord {
  return {
    repo: row.repo,
    org: row.org,
    installationId: row.installation_id === null ? null : Number(row.installation_id),
    knownSince: Number(row.known_since),
  };
}

const COLUMNS = 'repo, org, installation_id, known_since';

/** Repositories the App knows: their org, installation and since when the App knows them. */
export function createRepoRegistry({ q }: { q: SqlExecutor }): RepoRegistry {
  return {
    async register({ repo, installationId, now }) {
      await q.query(
        `INSERT INTO repos (repo, org, installation_id, dirty_at, dirty_version, known_since) VALUES ($1, $2, $3, NULL, 0, $4)
         ON CONFLICT (repo) DO UPDATE SET installation_id = COALESCE(excluded.installation_id, repos.installation_id)`,
        [repo, orgOf(repo), installationId, now],
      );
    },

    async read({ repo }) {
      const rows = await q.query<RepoRow>(`SELECT ${COLUMNS} FROM repos WHERE repo = $1`, [repo]);
      return rows[0] ? readRepoRow(rows[0]) : null;
    },

    async list({ org }) {
      const rows = await q.query<RepoRow>(`SELECT ${COLUMNS} FROM repos WHERE org = $1 ORDER BY repo`, [org]);
      return rows.map(readRepoRow);
    },

    async orgs() {
      const rows = await q.query<{ org: string }>('SELECT DISTINCT org FROM repos');
      // sorted here, not in SQL: PostgreSQL's collation would differ from SQLite's binary order
      return rows.map((row) => row.org).sort();
    },
  };
}
