import type { Fact } from '../events/types.ts';
import { factIndexFields } from './fact-index-fields.ts';
import type { FactSelection } from './fact-source.ts';

/**
 * The kinds of group the engine reads as a sequence in time (the redeploy
 * chain, the coverage fallback): every other group's items are its own,
 * whatever comes before or after it.
 */
const CHAIN_KINDS = ['deployment', 'coverage'] as const;

/** Whether a group (FactIndexFields.group) is one of CHAIN_KINDS. */
export function isChainGroup(group: string): boolean {
  return CHAIN_KINDS.some((kind) => group.startsWith(`${kind}:`));
}

/**
 * The reference of FactSource.select: every fact (in the order given) of
 * each group that the selection names, or that has a fact whose lastAt is at
 * or after `since` (a chain's, at or after `chainsSince`), or whose sha is
 * one of `shas`.
 */
export function selectFacts({ facts, selection }: { facts: readonly Fact[]; selection: FactSelection }): Fact[] {
  const { since, chainsSince } = selection;
  const shas = new Set(selection.shas);
  const groups = new Set(selection.groups);
  const fields = facts.map(factIndexFields);
  const matched = new Set<string>();
  for (const f of fields) {
    if (
      groups.has(f.group) ||
      (since !== null && f.lastAt !== null && f.lastAt >= since) ||
      (chainsSince !== null && f.lastAt !== null && f.lastAt >= chainsSince && isChainGroup(f.group)) ||
      (f.sha !== null && shas.has(f.sha))
    ) {
      matched.add(f.group);
    }
  }
  return facts.filter((_, i) => matched.has(fields[i]!.group));
}
