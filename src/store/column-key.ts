import { createHash } from 'node:crypto';

/** Longest text kept as it is in a key column (PostgreSQL's btree entries hold at most ~2.7 KB). */
const MAX_KEY_BYTES = 512;

/**
 * A user-written text (a tag, a fact key, a repository name) as it may
 * stand in a key column: itself, or `sha256:` and its hash when it holds a
 * NUL (PostgreSQL refuses one in text) or is longer than 512 bytes (a btree
 * index entry has a size limit). The same text always gives the same key,
 * and the full text stays in the row's JSON body (docs/security.md, "One
 * bad delivery").
 */
export function columnKey(text: string): string {
  if (!text.includes('\u0000') && Buffer.byteLength(text) <= MAX_KEY_BYTES) return text;
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
