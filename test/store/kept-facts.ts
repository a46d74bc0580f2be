import type { Fact, RepoInfoFact } from '../../src/events/index.ts';
import { factContentKey, keepExtremeOrigins, reduceRepoInfo } from '../../src/kpi/index.ts';

/**
 * What the fact log keeps of facts written (docs/architecture.md, "Facts and
 * evaluations"): each content once with its least and greatest origin, and of
 * each repository's repo-info facts the contents that decide its topics and
 * custom properties (both origins of a content, though only the greater one
 * wins a tie: reducing them gives the same). The reference the store's reads are compared with.
 */
export function keptFacts(facts: readonly Fact[]): Fact[] {
  const kept = keepExtremeOrigins(facts);
  const infos = new Map<string, RepoInfoFact[]>();
  for (const fact of kept) if (fact.type === 'repo-info') infos.set(fact.repo, [...(infos.get(fact.repo) ?? []), fact]);
  // a content decides when one of its origins does: the store keeps it once, with both origins
  const deciding = new Set<string>();
  for (const list of infos.values())
    for (const fact of reduceRepoInfo(list).deciding) deciding.add(factContentKey(fact));
  return kept.filter((fact) => fact.type !== 'repo-info' || deciding.has(factContentKey(fact)));
}
