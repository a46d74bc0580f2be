import type { Fact } from '../events/types.ts';
import { factContentKey } from './fact-content-key.ts';

/**
 * What a store keeps of facts said again and again (docs/kpis.md,
 * "Re-evaluating only what can change"): each distinct content
 * (factContentKey) once with the least origin that said it and once with
 * the greatest (once when they are one). The engine gives on these what it
 * gives on every copy. First-seen order of contents; least origin first.
 */
export function keepExtremeOrigins(facts: Iterable<Fact>): Fact[] {
  const kept = new Map<string, { least: Fact; greatest: Fact }>();
  for (const fact of facts) {
    const key = factContentKey(fact);
    const seen = kept.get(key);
    if (!seen) kept.set(key, { least: fact, greatest: fact });
    else if (fact.origin < seen.least.origin) seen.least = fact;
    else if (fact.origin > seen.greatest.origin) seen.greatest = fact;
  }
  const out: Fact[] = [];
  for (const { least, greatest } of kept.values()) {
    out.push(least);
    if (greatest.origin !== least.origin) out.push(greatest);
  }
  return out;
}
