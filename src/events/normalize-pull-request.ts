import { z } from 'zod';
import type { EventContext } from './event-context.ts';
import { EXPECTED_TIME, idField, optionalInstantField, repositoryField } from './payload-fields.ts';
import { readLabel } from './read-label.ts';
import { readPayload } from './read-payload.ts';
import { requireField } from './require-field.ts';
import type { NormalizedDelivery } from './types.ts';

const pullRequestAction = z.looseObject({
  action: z.string(),
  pull_request: z.looseObject({ merged: z.boolean().nullish() }),
});

const mergedPull = z.looseObject({
  repository: repositoryField,
  pull_request: z.looseObject({
    number: idField,
    title: z.string(),
    head: z.looseObject({ ref: z.string() }),
    merged_at: optionalInstantField,
  }),
});

/**
 * `pull_request` labeled → a label fact; closed with `merged: true` → a
 * merged pull (the `revert-pr` rollback signal reads its head ref).
 */
export function normalizePullRequest({ delivery, at }: EventContext): NormalizedDelivery {
  const { action, pull_request } = readPayload({ delivery, schema: pullRequestAction });
  if (action === 'labeled') return { kind: 'facts', facts: [readLabel({ delivery, at, item: 'pull_request' })] };
  if (action !== 'closed') {
    return { kind: 'ignored', reason: `pull_request.${action}: only "labeled" and "closed" (merged) are read` };
  }
  if (pull_request.merged !== true) return { kind: 'ignored', reason: 'pull_request.closed: not merged' };
  const payload = readPayload({ delivery, schema: mergedPull });
  const pull = payload.pull_request;
  const mergedAt = requireField({
    deliveryId: delivery.id,
    path: 'payload.pull_request.merged_at',
    value: pull.merged_at,
    expected: `${EXPECTED_TIME} (the pull request is merged)`,
  });
  return {
    kind: 'facts',
    facts: [
      {
        type: 'merged-pull',
        repo: payload.repository.full_name,
        origin: delivery.id,
        number: pull.number,
        headRef: pull.head.ref,
        title: pull.title,
        mergedAt,
      },
    ],
  };
}
