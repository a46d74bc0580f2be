import { createHash } from 'node:crypto';

/** The SHA-256 of a payload's text as received: what makes a replay under a new id the same delivery. */
export function payloadHash(payloadText: string): string {
  return createHash('sha256').update(payloadText).digest('hex');
}
