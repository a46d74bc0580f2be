import type { Fact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import { factKey } from './fact-key.ts';
import { orgOf } from './org-of.ts';
import type { SqlExecutor } from './types.ts';

/**
 * Upserts facts by (repo, natural key, origin) inside the caller's
 * transaction, and marks each repository they touch for re-evaluation.
 * Writing the same facts again changes nothing but the dirty mark.
 */
export async function writeFacts({ tx, facts, now }: { tx: SqlExecutor; facts: Fact[]; now: Instant }): Promise<void> {
  const repos = new Set<string>();
  for (const fact of facts) {
    repos.add(fact.repo);
    await tx.query(
      `INSERT INTO facts (repo, org, fact_key, origin, type, body) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (repo, fact_key, origin) DO UPDATE SET type = excluded.type, body = excluded.body`,
      [fact.repo, orgOf(fact.repo), factKey(fact), fact.origin, fact.type, JSON.stringify(fact)],
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
