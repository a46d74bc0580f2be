import type { Fact } from '../events/types.ts';
import { canonicalJson } from './canonical-json.ts';

/**
 * What a fact says, without who said it: the fact minus `origin`, as JSON
 * with sorted keys. Two facts with one key say the same thing; the engine's
 * results depend on the facts sharing a key only through the least and the
 * greatest of their origins (docs/kpis.md, "Re-evaluating only what can
 * change"), so a store may keep each key once with those two.
 */
export function factContentKey(fact: Fact): string {
  const { origin: _origin, ...content } = fact;
  return canonicalJson(content);
}
