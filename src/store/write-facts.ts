import type { Fact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import { factKey } from './fact-key.ts';
import { orgOf } from './org-of.ts';
import type { SqlDatabase, SqlExecutor } from './types.ts';

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
  /** PostgreSQL: one statement for all facts (arrays), not a round trip each. */
  dialect: SqlDatabase['dialect'];
}): Promise<void> {
  const repos = new Set<string>();
  if (dialect === 'postgres') {
    // one row per key (the last one, as one statement per fact would leave it): an upsert may not touch a row twice
    const rows = new Map<string, [string, string, string, string, string, string]>();
    for (const fact of facts) {
      repos.add(fact.repo);
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
    if (rows.size > 0) {
      const column = (k: number) => [...rows.values()].map((row) => row[k]!);
      await tx.query(
        `INSERT INTO facts (repo, org, fact_key, origin, type, body)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         ON CONFLICT (repo, fact_key, origin) DO UPDATE SET type = excluded.type, body = excluded.body`,
        [column(0), column(1), column(2), column(3), column(4), column(5)],
      );
    }
  } else {
    for (const fact of facts) {
      repos.add(fact.repo);
      await tx.query(
        `INSERT INTO facts (repo, org, fact_key, origin, type, body) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (repo, fact_key, origin) DO UPDATE SET type = excluded.type, body = excluded.body`,
        [fact.repo, orgOf(fact.repo), factKey(fact), fact.origin, fact.type, JSON.stringify(fact)],
      );
    }
  }
  for (const repo of [...repos].sort()) {
    await tx.query(
      `INSERT INTO repos (repo, org, installation_id, dirty_at, dirty_version, known_since) VALUES ($1, $2, NULL, $3, 1, $3)
       ON CONFLICT (repo) DO UPDATE SET dirty_at = excluded.dirty_at, dirty_version = repos.dirty_version + 1`,
      [repo, orgOf(repo), now],
    );
  }
}
