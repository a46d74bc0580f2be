import type { TextPattern } from './types.ts';

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

/**
 * Reads a config pattern. `/…/flags` is a JavaScript regular expression,
 * searched anywhere in the text (the `g` and `y` flags are dropped: they
 * would make matching depend on earlier matches); any other string is an
 * exact pattern that must equal the whole text. `source` keeps the text as
 * written. Throws a SyntaxError naming the problem for an invalid regex or flag.
 */
export function parsePattern(text: string): TextPattern {
  const match = REGEX_LITERAL.exec(text);
  if (!match) return { kind: 'exact', source: text };
  const flags = match[2]!;
  const regex = new RegExp(match[1]!, flags);
  return { kind: 'regex', source: text, regex: new RegExp(regex.source, flags.replace(/[gy]/g, '')) };
}
