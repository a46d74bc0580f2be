import { z } from 'zod';
import type { EventContext } from './event-context.ts';
import { readLabel } from './read-label.ts';
import { readPayload } from './read-payload.ts';
import type { NormalizedDelivery } from './types.ts';

const issuesAction = z.looseObject({ action: z.string() });

/** `issues` labeled → a label fact (the `label` rollback signal reads it). */
export function normalizeIssues({ delivery, at }: EventContext): NormalizedDelivery {
  const { action } = readPayload({ delivery, schema: issuesAction });
  if (action !== 'labeled') return { kind: 'ignored', reason: `issues.${action}: only "labeled" is read` };
  return { kind: 'facts', facts: [readLabel({ delivery, at, item: 'issue' })] };
}
