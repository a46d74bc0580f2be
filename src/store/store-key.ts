import { createHash } from 'node:crypto';

/** Longest text stored as it is in an indexed column (PostgreSQL's btree refuses entries over ~2.7 KB). */
const LONGEST = 400;

/** What marks a key stored hashed: `kind:@sha256:…`. */
export const HASHED = ':@sha256:';

/**
 * A group, commit or tag as an indexed column holds it: as it is, or when
 * longer than LONGEST, its kind (the text before the first `:`) and the
 * SHA-256 of the whole, so an over-long tag or label never fails a write.
 * The same text always gives the same key, so lookups hash the same way.
 */
export function storeKey(text: string): string {
  if (text.length <= LONGEST) return text;
  const colon = text.indexOf(':');
  const kind = colon > 0 && colon < 40 ? text.slice(0, colon) : 'key';
  return `${kind}${HASHED}${createHash('sha256').update(text).digest('base64url')}`;
}
