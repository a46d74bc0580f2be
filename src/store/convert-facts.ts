import type { Fact } from '../events/types.ts';
import { createFactLog } from './create-fact-log.ts';
import type { Dialect, SqlExecutor } from './types.ts';

/** Old rows converted at a time. */
const PAGE = 5000;

/**
 * Migration 7's data step: the facts stored one row per delivery (`facts`)
 * become one row per distinct content (`fact_rows`), through the fact log's
 * own write, page by page; then the old table goes.
 */
export async function convertFacts({ tx, dialect }: { tx: SqlExecutor; dialect: Dialect }): Promise<void> {
  const log = createFactLog({ q: tx, dialect });
  let after = { repo: '', key: '', origin: '' };
  for (;;) {
    const rows = await tx.query<{ repo: string; fact_key: string; origin: string; body: string }>(
      `SELECT repo, fact_key, origin, body FROM facts
       WHERE repo > $1 OR (repo = $1 AND (fact_key > $2 OR (fact_key = $2 AND origin > $3)))
       ORDER BY repo, fact_key, origin LIMIT ${PAGE}`,
      [after.repo, after.key, after.origin],
    );
    if (rows.length === 0) break;
    await log.write({ facts: rows.map((row) => JSON.parse(row.body) as Fact) });
    const last = rows.at(-1)!;
    after = { repo: last.repo, key: last.fact_key, origin: last.origin };
  }
  await tx.query('DELETE FROM fact_changes');
  await tx.query('DROP TABLE facts');
}
