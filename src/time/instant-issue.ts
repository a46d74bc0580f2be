import type { InstantReading } from './read-instant.ts';

/**
 * The validation issue (zod's custom-issue shape) for a value that is not an
 * instant: `expected` says the form wanted; a time written right that the
 * calendar does not have also carries readInstant's message as
 * `params.problem`, so the error says that instead of a format error.
 */
export function instantIssue({
  input,
  reading,
  expected,
}: {
  input: unknown;
  /** What readInstant said; null when the value was not text at all. */
  reading: InstantReading | null;
  expected: string;
}): { code: 'custom'; message: string; input: unknown; params?: { problem: string } } {
  const issue = { code: 'custom' as const, message: expected, input };
  return reading?.ok === false && reading.problem === 'calendar'
    ? { ...issue, params: { problem: reading.message } }
    : issue;
}
