import type { Fact } from '../events/types.ts';

/**
 * The facts of each repository, in the order given; with `repo`, only that
 * repository's. One pass, references only: no fact is copied.
 */
export function groupFactsByRepo({ facts, repo }: { facts: Iterable<Fact>; repo?: string }): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>();
  // Facts usually come in runs of one repo (a store's export, a backfill): skip the lookup within a run.
  let lastRepo: string | undefined;
  let last: Fact[] = [];
  for (const fact of facts) {
    if (fact.repo === lastRepo) {
      last.push(fact);
      continue;
    }
    if (repo !== undefined && fact.repo !== repo) continue;
    const list = groups.get(fact.repo);
    if (list) {
      list.push(fact);
      last = list;
    } else {
      last = [fact];
      groups.set(fact.repo, last);
    }
    lastRepo = fact.repo;
  }
  return groups;
}
