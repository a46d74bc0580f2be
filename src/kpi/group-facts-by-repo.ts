import type { Fact } from '../events/types.ts';

/**
 * The facts of each repository, in the order given; with `repo`, only that
 * repository's. One pass, references only: no fact is copied.
 */
export function groupFactsByRepo({ facts, repo }: { facts: Iterable<Fact>; repo?: string }): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (repo !== undefined && fact.repo !== repo) continue;
    const list = groups.get(fact.repo);
    if (list) list.push(fact);
    else groups.set(fact.repo, [fact]);
  }
  return groups;
}
