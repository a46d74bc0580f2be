/** A UTC instant in milliseconds since the Unix epoch. Every time in the core is one. */
export type Instant = number;

/** A duration in milliseconds. */
export type Duration = number;

export const MINUTE: Duration = 60_000;
export const HOUR: Duration = 60 * MINUTE;
export const DAY: Duration = 24 * HOUR;

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses an ISO-8601 instant that names its zone (`…Z`, `….000Z`, `+00:00`).
 * Returns null for anything else: a time without a zone is not an instant.
 */
export function parseInstant(text: string): Instant | null {
  if (!ISO_WITH_ZONE.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** ISO-8601 UTC with milliseconds, as every report prints times. */
export function formatInstant(instant: Instant): string {
  return new Date(instant).toISOString();
}
