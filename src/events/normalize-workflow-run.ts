import { z } from 'zod';
import type { EventContext } from './event-context.ts';
import { idField, instantField, optionalStringField, repositoryField } from './payload-fields.ts';
import { readPayload } from './read-payload.ts';
import { requireField } from './require-field.ts';
import type { NormalizedDelivery } from './types.ts';

const workflowRunAction = z.looseObject({ action: z.string() });

const completedRun = z.looseObject({
  repository: repositoryField,
  workflow_run: z.looseObject({
    id: idField,
    run_attempt: z.int().positive().nullish(),
    name: optionalStringField,
    event: z.string(),
    conclusion: optionalStringField,
    head_sha: z.string().min(1),
    head_branch: optionalStringField,
    run_started_at: instantField,
    updated_at: instantField,
    display_title: optionalStringField,
  }),
  workflow: z.looseObject({ name: optionalStringField }).nullish(),
});

/**
 * A completed `workflow_run` is one attempt of one run. Its name is
 * `workflow_run.name`, or `workflow.name` when that is empty (docs/kpis.md, "Rollbacks").
 */
export function normalizeWorkflowRun({ delivery }: EventContext): NormalizedDelivery {
  const { action } = readPayload({ delivery, schema: workflowRunAction });
  if (action !== 'completed') return { kind: 'ignored', reason: `workflow_run.${action}: only "completed" is read` };
  const { repository, workflow_run: run, workflow } = readPayload({ delivery, schema: completedRun });
  const name = requireField({
    deliveryId: delivery.id,
    path: 'payload.workflow.name',
    value: run.name || workflow?.name || null,
    expected: 'a workflow name (payload.workflow_run.name is empty)',
  });
  return {
    kind: 'facts',
    facts: [
      {
        type: 'workflow-run',
        repo: repository.full_name,
        origin: delivery.id,
        runId: run.id,
        attempt: run.run_attempt ?? 1,
        name,
        event: run.event,
        conclusion: run.conclusion,
        headSha: run.head_sha.toLowerCase(),
        headBranch: run.head_branch,
        startedAt: run.run_started_at,
        updatedAt: run.updated_at,
        displayTitle: run.display_title,
      },
    ],
  };
}
