import { type Instant, parseInstant } from '../../time/index.ts';

/** An API time as an Instant; null when absent or not a time. */
export function timeOf(text: string | null | undefined): Instant | null {
  return typeof text === 'string' ? parseInstant(text) : null;
}
