import { z } from 'zod';
import { instantIssue, readInstant } from '../time/index.ts';

/** The zod schemas for the payload fields several events share. */

export const EXPECTED_TIME = 'an ISO-8601 time';

/**
 * An ISO-8601 time naming its zone (`…Z`, `….000Z`, `+00:00`), parsed to an
 * Instant. A time the calendar does not have (`2026-02-30`, hour 24) is bad
 * input, its issue carrying readInstant's message as `params.problem`
 * (docs/kpis.md, "Periods and time").
 */
export const instantField = z.unknown().transform((value, ctx) => {
  const reading = typeof value === 'string' ? readInstant(value) : null;
  if (reading?.ok) return reading.instant;
  ctx.addIssue(instantIssue({ input: value, reading, expected: EXPECTED_TIME }));
  return z.NEVER;
});

/** An optional time: null when absent or null, an error when present but not a time. */
export const optionalInstantField = instantField.nullish().transform((value) => value ?? null);

/** A string that may be absent or null (then null). */
export const optionalStringField = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

/** A GitHub numeric id or number. */
export const idField = z.int().nonnegative();

/** A git commit id: 40 hex digits (64 in SHA-256 repositories). */
export const shaField = z.string().regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i, { error: 'a commit sha (40 hex digits)' });

/** A user or app as webhooks show it; `type` tells bots apart. */
export const userField = z.looseObject({ login: z.string(), type: z.string().nullish() });

/** The repository every repository event carries; facts are keyed by its `full_name`. */
export const repositoryField = z.looseObject({ full_name: z.string().min(1) });
