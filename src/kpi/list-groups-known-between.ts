import type { Fact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import { factIndexFields } from './fact-index-fields.ts';

/**
 * The reference of FactSource.groupsKnownBetween: the groups (sorted) having
 * a fact whose own time is in (after, upTo] — facts that were stored before
 * an evaluation at `after` but dated after it, so that it could not count
 * them, and that an evaluation at `upTo` counts.
 */
export function listGroupsKnownBetween({
  facts,
  after,
  upTo,
}: {
  facts: readonly Fact[];
  after: Instant;
  upTo: Instant;
}): string[] {
  const groups = new Set<string>();
  for (const fact of facts) {
    const { group, knownAt } = factIndexFields(fact);
    if (knownAt !== null && knownAt > after && knownAt <= upTo) groups.add(group);
  }
  return [...groups].sort();
}
