import type { Fact } from '../events/types.ts';
import { factKey } from './fact-key.ts';
import { orgOf } from './org-of.ts';
import type { Dialect, FactLog, SqlExecutor, SqlScalar } from './types.ts';
import { valuesList } from './values-list.ts';

/** Facts in one PostgreSQL statement: 6 parameters each, under its 65,535. */
const FACTS_PER_STATEMENT = 2000;

/**
 * The facts table: one row per (repo, natural key, origin). Writing the same
 * facts again changes nothing. Callers write inside the transaction that
 * commits what the facts came from (a delivery's processed mark, a backfill's
 * end), and ask for the repositories' evaluation themselves.
 */
export function createFactLog({ q, dialect }: { q: SqlExecutor; dialect: Dialect }): FactLog {
  return {
    async write({ facts }) {
      // one row per key (the last one, as writing them in turn would leave it): one PostgreSQL
      // upsert may not touch a row twice
      const rows = new Map<string, SqlScalar[]>();
      for (const fact of facts) {
        const key = factKey(fact);
        rows.set(JSON.stringify([fact.repo, key, fact.origin]), [
          fact.repo,
          orgOf(fact.repo),
          key,
          fact.origin,
          fact.type,
          JSON.stringify(fact),
        ]);
      }
      // PostgreSQL: up to 2,000 a statement, one parameter a value (valuesList: a fact's JSON through
      // a text[] array costs far more); SQLite: one prepared statement, row after row
      const perStatement = dialect === 'postgres' ? FACTS_PER_STATEMENT : 1;
      const all = [...rows.values()];
      for (let i = 0; i < all.length; i += perStatement) {
        const chunk = all.slice(i, i + perStatement);
        await q.query(
          `INSERT INTO facts (repo, org, fact_key, origin, type, body) VALUES ${valuesList({ rows: chunk.length, columns: 6 })}
           ON CONFLICT (repo, fact_key, origin) DO UPDATE SET type = excluded.type, body = excluded.body`,
          chunk.flat(),
        );
      }
    },

    async read(scope) {
      const rows =
        'repo' in scope
          ? await q.query<{ body: string }>('SELECT body FROM facts WHERE repo = $1', [scope.repo])
          : await q.query<{ body: string }>('SELECT body FROM facts WHERE org = $1', [scope.org]);
      return rows.map((row) => JSON.parse(row.body) as Fact);
    },
  };
}
