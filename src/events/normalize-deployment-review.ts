import { z } from 'zod';
import type { EventContext } from './event-context.ts';
import {
  EXPECTED_TIME,
  idField,
  optionalInstantField,
  optionalStringField,
  repositoryField,
  userField,
} from './payload-fields.ts';
import { readPayload } from './read-payload.ts';
import { requireField } from './require-field.ts';
import { toActor } from './to-actor.ts';
import type { NormalizedDelivery } from './types.ts';

const reviewAction = z.looseObject({ action: z.string() });

const approvedReview = z.looseObject({
  repository: repositoryField,
  workflow_run: z.looseObject({
    id: idField,
    run_attempt: z.int().positive().nullish(),
    head_sha: optionalStringField,
    head_branch: optionalStringField,
    updated_at: optionalInstantField,
    run_started_at: optionalInstantField,
  }),
  approver: userField.nullish(),
  sender: userField.nullish(),
  since: optionalInstantField,
});

/**
 * `deployment_review` approved: someone let a run's job deploy. The approver
 * is `approver`, else `sender`; the time is the delivery's, else the run's
 * `updated_at`, else `since` (docs/kpis.md, "Facts and where they come from"). The run waited for the review
 * since `since`, else since the attempt started (docs/kpis.md, "Time spent").
 */
export function normalizeDeploymentReview({ delivery, at }: EventContext): NormalizedDelivery {
  const { action } = readPayload({ delivery, schema: reviewAction });
  if (action !== 'approved') return { kind: 'ignored', reason: `deployment_review.${action}: only "approved" is read` };
  const payload = readPayload({ delivery, schema: approvedReview });
  const run = payload.workflow_run;
  const approver = requireField({
    deliveryId: delivery.id,
    path: 'payload.sender',
    value: payload.approver ?? payload.sender,
    expected: 'a user (payload.approver is absent)',
  });
  const time = requireField({
    deliveryId: delivery.id,
    path: 'payload.since',
    value: at ?? run.updated_at ?? payload.since,
    expected: `${EXPECTED_TIME} (no delivery time, no payload.workflow_run.updated_at)`,
  });
  const actor = toActor(approver);
  return {
    kind: 'facts',
    facts: [
      {
        type: 'approval',
        repo: payload.repository.full_name,
        origin: delivery.id,
        runId: run.id,
        attempt: run.run_attempt ?? 1,
        approver: actor.login,
        byBot: actor.isBot,
        sha: run.head_sha?.toLowerCase() ?? null,
        ref: run.head_branch,
        at: time,
        waitingSince: payload.since ?? run.run_started_at ?? null,
      },
    ],
  };
}
