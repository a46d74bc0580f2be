import type { Fact } from '../events/types.ts';
import { factIndexFields } from './fact-index-fields.ts';
import type { FactSelection } from './fact-source.ts';

/**
 * The reference of FactSource.select: every fact (in the order given) of
 * each group that the selection names, or that has a fact whose lastAt is at
 * or after `since`, or whose sha is one of `shas`.
 */
export function selectFacts({ facts, selection }: { facts: readonly Fact[]; selection: FactSelection }): Fact[] {
  const { since } = selection;
  const shas = new Set(selection.shas);
  const groups = new Set(selection.groups);
  const fields = facts.map(factIndexFields);
  const matched = new Set<string>();
  for (const f of fields) {
    if (
      groups.has(f.group) ||
      (since !== null && f.lastAt !== null && f.lastAt >= since) ||
      (f.sha !== null && shas.has(f.sha))
    ) {
      matched.add(f.group);
    }
  }
  return facts.filter((_, i) => matched.has(fields[i]!.group));
}
