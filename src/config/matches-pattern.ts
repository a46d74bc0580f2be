import type { TextPattern } from './types.ts';

/** A regex pattern matches when found anywhere in the text; an exact one only when equal to the whole text. */
export function matchesPattern(pattern: TextPattern, text: string): boolean {
  return pattern.kind === 'regex' ? pattern.matcher.test(text) : pattern.source === text;
}
