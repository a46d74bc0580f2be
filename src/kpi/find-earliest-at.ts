import type { Fact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import { factIndexFields } from './fact-index-fields.ts';
import type { FactQuery } from './fact-source.ts';

/**
 * The reference of FactSource.earliestAt: the least `at` of any fact of the
 * groups that the query names or that have a fact whose sha is one of
 * `shas` or whose ref is one of `refs`; null when none of them has a time.
 */
export function findEarliestAt({ facts, query }: { facts: readonly Fact[]; query: FactQuery }): Instant | null {
  const groups = new Set(query.groups);
  const shas = new Set(query.shas);
  const refs = new Set(query.refs);
  const fields = facts.map(factIndexFields);
  const matched = new Set<string>();
  for (const f of fields) {
    if (groups.has(f.group) || (f.sha !== null && shas.has(f.sha)) || (f.ref !== null && refs.has(f.ref))) {
      matched.add(f.group);
    }
  }
  let earliest: Instant | null = null;
  for (const f of fields) {
    if (f.at !== null && matched.has(f.group) && (earliest === null || f.at < earliest)) earliest = f.at;
  }
  return earliest;
}
