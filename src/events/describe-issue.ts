import type { z } from 'zod';
import type { DeliveryProblem } from './delivery-error.ts';
import { describeFound } from './describe-found.ts';

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  record: 'an object',
};

/** `['release', 'published_at']` → `payload.release.published_at`; indices as `[0]`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    'payload',
  );
}

/**
 * Turns one zod issue (parsed with `reportInput: true`) into a problem that
 * names the payload path, what was expected and what was found. Custom and
 * format checks carry their expectation as their message; a time the
 * calendar does not have carries what is wrong with it (`params.problem`).
 */
export function describeIssue(issue: z.core.$ZodIssue): DeliveryProblem {
  const path = formatPath(issue.path);
  const found = describeFound(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return { path, expected: ARTICLE[issue.expected] ?? String(issue.expected), found };
    case 'invalid_value':
      return { path, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, found };
    case 'custom': {
      const problem: unknown = issue.params?.problem;
      return typeof problem === 'string'
        ? { path, expected: issue.message, found, message: problem }
        : { path, expected: issue.message, found };
    }
    default:
      return { path, expected: issue.message, found };
  }
}
