import { deliveryTime } from './delivery-time.ts';
import type { EventContext } from './event-context.ts';
import { normalizeCheckRun } from './normalize-check-run.ts';
import { normalizeCustomPropertyValues } from './normalize-custom-property-values.ts';
import { normalizeDependabotAlert } from './normalize-dependabot-alert.ts';
import { normalizeDeploymentReview } from './normalize-deployment-review.ts';
import { normalizeDeploymentStatus } from './normalize-deployment-status.ts';
import { normalizeIssues } from './normalize-issues.ts';
import { normalizePullRequest } from './normalize-pull-request.ts';
import { normalizePush } from './normalize-push.ts';
import { normalizeRelease } from './normalize-release.ts';
import { normalizeWorkflowRun } from './normalize-workflow-run.ts';
import { readRepoInfo } from './read-repo-info.ts';
import type { NormalizedDelivery, WebhookDelivery } from './types.ts';

/** The events Shipwell reads (docs/kpis.md, "Facts and where they come from"), by `X-GitHub-Event`. */
const NORMALIZERS: Record<string, (context: EventContext) => NormalizedDelivery> = {
  release: normalizeRelease,
  push: normalizePush,
  deployment_status: normalizeDeploymentStatus,
  workflow_run: normalizeWorkflowRun,
  deployment_review: normalizeDeploymentReview,
  issues: normalizeIssues,
  pull_request: normalizePullRequest,
  check_run: normalizeCheckRun,
  dependabot_alert: normalizeDependabotAlert,
  custom_property_values: normalizeCustomPropertyValues,
};

/**
 * Turns one webhook delivery into facts (pure). An event Shipwell does not
 * read is ignored with a reason, never an error; a read event whose payload
 * lacks a field we need throws a DeliveryError naming the delivery and the
 * field's path. Any delivery whose payload has a repository also gives that
 * repository's repo-info fact, even when the event is otherwise ignored (then
 * `kind` is `ignored` and `facts` holds it).
 */
export function normalizeDelivery(delivery: WebhookDelivery): NormalizedDelivery {
  const at = deliveryTime(delivery);
  const normalize = Object.hasOwn(NORMALIZERS, delivery.name) ? NORMALIZERS[delivery.name] : undefined;
  const event: NormalizedDelivery = normalize
    ? normalize({ delivery, at })
    : { kind: 'ignored', reason: `${delivery.name}: Shipwell does not read this event` };
  const repoInfo = readRepoInfo({ delivery, at });
  if (repoInfo === null) return event;
  if (event.kind === 'ignored') return { ...event, facts: [repoInfo] };
  return { kind: 'facts', facts: [...event.facts, repoInfo] };
}
