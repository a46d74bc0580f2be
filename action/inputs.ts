import { z } from 'zod';
import { COVERAGE_FORMATS } from '../src/coverage/index.ts';
import { instantIssue, readInstant } from '../src/time/index.ts';

const optionalText = z
  .string()
  .transform((text) => text.trim())
  .transform((text) => (text === '' ? null : text));

/**
 * Every input of action.yml, no more, no less (a test compares the two).
 * @actions/core gives '' for an input that is not set.
 */
export const inputsSchema = z.object({
  mode: z
    .string()
    .transform((text) => text.trim() || 'auto')
    .pipe(z.enum(['auto', 'report', 'coverage', 'rollback'])),
  'github-token': z.string().trim().min(1, { error: 'a token (default: the workflow token, github.token)' }),
  config: z.string().transform((text) => text.trim() || '.github/shipwell.yml'),
  'coverage-files': z.string().transform((text) =>
    text
      .split(/[\n,]/)
      .map((glob) => glob.trim())
      .filter((glob) => glob !== ''),
  ),
  'coverage-format': z
    .string()
    .transform((text) => text.trim() || 'auto')
    .pipe(z.enum(['auto', ...COVERAGE_FORMATS])),
  segment: optionalText,
  release: optionalText,
  org: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, { error: 'an organisation login, like "acme"' })
      .nullable(),
  ),
  reason: optionalText,
  now: optionalText.transform((text, ctx) => {
    if (text === null) return null;
    const reading = readInstant(text);
    if (reading.ok) return reading.instant;
    // a time the calendar does not have (2026-02-30) is said as such, not as a format error
    ctx.addIssue(
      instantIssue({ input: text, reading, expected: 'an ISO-8601 time with a zone, e.g. 2026-03-20T00:00:00Z' }),
    );
    return z.NEVER;
  }),
  'fail-under': optionalText.transform((text, ctx) => {
    if (text === null) return null;
    if (/^(true|min-coverage)$/i.test(text)) return 'min-coverage' as const;
    if (/^\d+(\.\d+)?$/.test(text) && Number(text) <= 100) return Number(text);
    ctx.addIssue({
      code: 'custom',
      message: 'a percent from 0 to 100, or "true" for the config\'s minCoverage',
      input: text,
    });
    return z.NEVER;
  }),
});

export type ActionInputs = z.infer<typeof inputsSchema>;

/** The names action.yml declares. */
export const INPUT_NAMES = Object.keys(inputsSchema.shape) as (keyof ActionInputs)[];
