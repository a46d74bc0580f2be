import type { Instant } from './instant.ts';
import { readInstant } from './read-instant.ts';

/**
 * Parses an ISO-8601 instant that names its zone (`…Z`, `….000Z`, `+00:00`).
 * Returns null for anything else: a time without a zone is not an instant,
 * and a time the calendar does not have (`2026-02-30`, hour 24) is not one
 * either (readInstant says why).
 */
export function parseInstant(text: string): Instant | null {
  const reading = readInstant(text);
  return reading.ok ? reading.instant : null;
}
