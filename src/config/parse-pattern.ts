import { LinearRegex } from './linear-regex.ts';
import { toRe2Syntax } from './to-re2-syntax.ts';
import type { TextPattern } from './types.ts';

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;
/** JavaScript flags RE2 spells inline; g, y, d and u change nothing about whether a text matches. */
const INLINE_FLAGS = new Set(['i', 'm', 's']);

/** Lookaround and backreferences, as JavaScript writes them (RE2 has neither). */
const BACKTRACKING = /\(\?<?[=!]|\\[1-9]|\\k<[^>]*>/;

/** A pattern that cannot be matched in linear time: the config error names its key. */
export class LinearPatternError extends SyntaxError {
  override name = 'LinearPatternError';
}

/**
 * Reads a config pattern. `/…/flags` is a regular expression in JavaScript
 * syntax, searched anywhere in the text, and matched in time linear in the
 * text by RE2 (re2js): backreferences and lookaround (which need
 * backtracking) are refused with a LinearPatternError, the `v` flag too;
 * `i`, `m`, `s` become inline flags, `g`, `y`, `d`, `u` are dropped. Any
 * other string is an exact pattern that must equal the whole text. `source`
 * keeps the text as written. Throws a SyntaxError for an invalid regex or
 * flag (docs/kpis.md, "Facts and where they come from").
 */
export function parsePattern(text: string): TextPattern {
  const match = REGEX_LITERAL.exec(text);
  if (!match) return { kind: 'exact', source: text };
  const [, body, flags] = match as unknown as [string, string, string];
  new RegExp(body, flags); // JavaScript's syntax and flags first: its own message for a typo
  if (flags.includes('v')) {
    throw new LinearPatternError('the v flag (set notation) is not supported');
  }
  const inline = [...new Set(flags)].filter((flag) => INLINE_FLAGS.has(flag)).join('');
  try {
    const matcher = new LinearRegex(`${inline ? `(?${inline})` : ''}${toRe2Syntax(body)}`);
    return { kind: 'regex', source: text, matcher };
  } catch (error) {
    const needsBacktracking = BACKTRACKING.exec(body)?.[0];
    throw new LinearPatternError(
      needsBacktracking === undefined
        ? (error as Error).message.replace(/^error parsing regexp: /, '')
        : `\`${needsBacktracking}\` is a ${needsBacktracking.startsWith('(') ? 'lookaround' : 'backreference'}`,
    );
  }
}
