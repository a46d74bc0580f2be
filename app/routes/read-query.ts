import { z } from 'zod';
import { instantIssue, readInstant } from '../../src/time/index.ts';

const ORG = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const REPO = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;

const querySchema = z.object({
  org: z.string().regex(ORG, 'expected an organization login (e.g. org=octo-org)').optional(),
  repo: z.string().regex(REPO, 'expected OWNER/NAME').optional(),
  now: z
    .string()
    .transform((text, ctx) => {
      const reading = readInstant(text);
      if (reading.ok) return reading.instant;
      // a time the calendar does not have (2026-02-30, hour 24) is refused as such, never rolled over
      const expected = 'expected an ISO-8601 instant with a zone (e.g. 2026-03-20T00:00:00Z)';
      ctx.addIssue(instantIssue({ input: text, reading, expected }));
      return z.NEVER;
    })
    .optional(),
  status: z.enum(['pending', 'processed', 'failed']).optional(),
});

export type ApiQuery = z.infer<typeof querySchema>;

/**
 * The API's query parameters, validated: `{ ok: true, query }`, or every
 * problem as `name: expected …, found "…"` (or, for a time the calendar
 * does not have, `now: "…" is not a real calendar time (…)`). `required` lists parameters that
 * must be present.
 */
export function readQuery({
  params,
  required = [],
}: {
  params: URLSearchParams;
  required?: readonly (keyof ApiQuery)[];
}): { ok: true; query: ApiQuery } | { ok: false; error: string } {
  const raw = Object.fromEntries([...params.entries()].filter(([key]) => key in querySchema.shape));
  const problems: string[] = required
    .filter((key) => raw[key] === undefined)
    .map((key) => `${key}: required, found nothing`);
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const problem: unknown = issue.code === 'custom' ? issue.params?.problem : undefined;
      problems.push(
        typeof problem === 'string'
          ? `${key}: ${problem}`
          : `${key}: ${issue.message}, found ${JSON.stringify(raw[key])}`,
      );
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, error: problems.join('; ') };
  return { ok: true, query: parsed.data };
}
