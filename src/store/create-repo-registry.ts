import { orgOf } from './org-of.ts';
import type { RepoRecord, RepoRegistry, SqlExecutor } from './types.ts';
import { valuesList } from './values-list.ts';

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
/** Rows a registration writes a statement (far below PostgreSQL's 65,535 parameters). */
const ROWS_PER_STATEMENT = 1000;

/** Repositories the App knows: their org, installation and since when the App knows them. */
export function createRepoRegistry({ q }: { q: SqlExecutor }): RepoRegistry {
  return {
    async register({ repos, now }) {
      // one statement for a batch, in one order (concurrent writers lock rows alike); the last installation named wins
      const byRepo = new Map<string, number | null>();
      for (const { repo, installationId } of repos) byRepo.set(repo, installationId ?? byRepo.get(repo) ?? null);
      if (byRepo.size === 0) return;
      const sorted = [...byRepo].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (let from = 0; from < sorted.length; from += ROWS_PER_STATEMENT) {
        const rows = sorted.slice(from, from + ROWS_PER_STATEMENT);
        await q.query(
          `INSERT INTO repos (repo, org, installation_id, dirty_at, dirty_version, known_since)
         VALUES ${valuesList({ rows: rows.length, columns: 6 })}
         ON CONFLICT (repo) DO UPDATE SET installation_id = COALESCE(excluded.installation_id, repos.installation_id)`,
          rows.flatMap(([repo, installationId]) => [repo, orgOf(repo), installationId, null, 0, now]),
        );
      }
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
