import type { Fact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import { columnKey } from './column-key.ts';
import { factKey } from './fact-key.ts';
import { orgOf } from './org-of.ts';
import type { SqlDatabase, SqlExecutor, SqlScalar } from './types.ts';
import { valuesList } from './values-list.ts';

/** Facts in one PostgreSQL statement: 6 parameters each, under its 65,535. */
const FACTS_PER_STATEMENT = 2000;

/**
 * Upserts facts by (repo, natural key, origin) inside the caller's
 * transaction, and marks each repository they touch for re-evaluation.
 * Writing the same facts again changes nothing but the dirty mark.
 */
export async function writeFacts({
  tx,
  facts,
  now,
  dialect,
}: {
  tx: SqlExecutor;
  facts: Fact[];
  now: Instant;
  /** PostgreSQL: one statement for up to 2,000 facts, not one each. */
  dialect: SqlDatabase['dialect'];
}): Promise<void> {
  // one row per key (the last one, as writing them in turn would leave it): one PostgreSQL
  // upsert may not touch a row twice
  const rows = new Map<string, SqlScalar[]>();
  const repos = new Set<string>();
  for (const fact of facts) {
    repos.add(fact.repo);
    const key = columnKey(factKey(fact));
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
    await tx.query(
      `INSERT INTO facts (repo, org, fact_key, origin, type, body) VALUES ${valuesList({ rows: chunk.length, columns: 6 })}
       ON CONFLICT (repo, fact_key, origin) DO UPDATE SET type = excluded.type, body = excluded.body`,
      chunk.flat(),
    );
  }
  for (const repo of [...repos].sort()) {
    await tx.query(
      `INSERT INTO repos (repo, org, installation_id, dirty_at, dirty_version, known_since) VALUES ($1, $2, NULL, $3, 1, $3)
       ON CONFLICT (repo) DO UPDATE SET dirty_at = excluded.dirty_at, dirty_version = repos.dirty_version + 1`,
      [repo, orgOf(repo), now],
    );
  }
}
