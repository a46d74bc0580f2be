import { z } from 'zod';
import type { EventContext } from './event-context.ts';
import { idField, instantField, optionalStringField, repositoryField, userField } from './payload-fields.ts';
import { readPayload } from './read-payload.ts';
import { requireField } from './require-field.ts';
import { toActor } from './to-actor.ts';
import type { NormalizedDelivery } from './types.ts';

const deploymentStatus = z.looseObject({
  repository: repositoryField,
  deployment: z.looseObject({
    id: idField,
    sha: z.string().min(1),
    ref: z.string(),
    environment: optionalStringField,
    created_at: instantField,
    creator: userField.nullish(),
  }),
  deployment_status: z.looseObject({
    state: z.string().min(1),
    created_at: instantField,
    environment: optionalStringField,
  }),
  workflow_run: z.unknown().optional(),
});

/**
 * Every `deployment_status` delivery (its action is `created`) is one status
 * of one deployment. A payload with a non-null `workflow_run` was deployed by
 * a workflow, which is not manual work (docs/kpis.md, "DevOps activities").
 */
export function normalizeDeploymentStatus({ delivery }: EventContext): NormalizedDelivery {
  const payload = readPayload({ delivery, schema: deploymentStatus });
  const { deployment, deployment_status: status } = payload;
  const environment = requireField({
    deliveryId: delivery.id,
    path: 'payload.deployment.environment',
    value: deployment.environment ?? status.environment,
    expected: 'a string (or payload.deployment_status.environment)',
  });
  return {
    kind: 'facts',
    facts: [
      {
        type: 'deployment-status',
        repo: payload.repository.full_name,
        origin: delivery.id,
        deploymentId: deployment.id,
        state: status.state,
        statusCreatedAt: status.created_at,
        environment,
        sha: deployment.sha.toLowerCase(),
        ref: deployment.ref,
        deploymentCreatedAt: deployment.created_at,
        creator: deployment.creator ? toActor(deployment.creator) : null,
        viaWorkflow: payload.workflow_run !== null && payload.workflow_run !== undefined,
      },
    ],
  };
}
