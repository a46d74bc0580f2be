import type { Fact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import { groupFactsByRepo } from './group-facts-by-repo.ts';
import { indexRepoFacts } from './index-repo-facts.ts';
import type { RepoFacts } from './repo-facts.ts';

/**
 * Reduces facts to what is known at `now`, per repository (see
 * indexRepoFacts). The result does not depend on the order of `facts`, and a
 * fact given twice changes nothing.
 */
export function indexFacts({ facts, now }: { facts: Iterable<Fact>; now: Instant }): Map<string, RepoFacts> {
  const out = new Map<string, RepoFacts>();
  for (const [repo, own] of groupFactsByRepo({ facts })) out.set(repo, indexRepoFacts({ repo, facts: own, now }));
  return out;
}
