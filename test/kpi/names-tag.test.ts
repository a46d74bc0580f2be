// namesTag: a tag named as a whole word, Unicode-aware (docs/kpis.md,
// "Rollbacks"), checked against the rule written as a regular expression.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namesTag } from '../../src/kpi/names-tag.ts';

/** The rule as a pattern: the tag, not after and not before a letter, digit or `_` (any script). */
function byPattern(text: string, tag: string): boolean {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'u').test(text);
}

const pieces = fc.constantFrom('v1', 'v', '1', '.', '-', '_', ' ', 'é', 'я', '٣', '𝐀', '🚀', 'x', '\u0301', '(', '+');
const textOf = (min: number) => fc.array(pieces, { minLength: min, maxLength: 12 }).map((parts) => parts.join(''));

describe('namesTag', () => {
  it('agrees with the rule on any text and tag made of words, digits, marks, emoji and punctuation', () => {
    fc.assert(
      fc.property(textOf(0), textOf(1), (text, tag) => {
        expect(namesTag(text, tag)).toBe(byPattern(text, tag));
      }),
      { numRuns: 5_000 },
    );
  });

  it('finds a later occurrence when an earlier one touches a word', () => {
    expect(namesTag('xv1 v1', 'v1')).toBe(true);
    expect(namesTag('v1v1', 'v1')).toBe(false);
  });

  it('treats a combining mark as neither letter nor digit (the contract says letter, digit or _)', () => {
    expect(namesTag('v1\u0301 shipped', 'v1')).toBe(true);
  });

  it('takes a tag full of pattern syntax as text', () => {
    expect(namesTag('rolled back .*', '.*')).toBe(true);
    expect(namesTag('rolled back v1x', '.*')).toBe(false);
    expect(namesTag('a (b', '(b')).toBe(true);
  });

  it('never finds an empty tag', () => {
    expect(namesTag('anything', '')).toBe(false);
  });
});
