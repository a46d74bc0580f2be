/** A letter, digit or `_` in any script: what a whole word may not touch (docs/kpis.md, "Rollbacks"). */
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/** The code point that ends just before `index` (a surrogate pair read whole). */
function codePointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const pair = index >= 2 && low >= 0xdc00 && low <= 0xdfff;
  return text.slice(pair ? index - 2 : index - 1, index);
}

/** The code point that starts at `index`. */
function codePointAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/**
 * Whether `text` names `tag` as a whole word: the tag as written
 * (case-sensitive), with no Unicode letter, digit or `_` right before or
 * after it. So `версия-1`, `v3🚀` and `v2-` are found as written, and `v1`
 * is not found in `v10` or `xv1`. Compares text, never builds a pattern
 * from the tag: linear in the text for a tag of bounded length, and a tag
 * full of regex syntax is just text.
 */
export function namesTag(text: string, tag: string): boolean {
  if (tag === '') return false;
  for (let at = text.indexOf(tag); at !== -1; at = text.indexOf(tag, at + 1)) {
    const before = codePointBefore(text, at);
    if (before !== '' && WORD_CHARACTER.test(before)) continue;
    const after = codePointAt(text, at + tag.length);
    if (after !== '' && WORD_CHARACTER.test(after)) continue;
    return true;
  }
  return false;
}
