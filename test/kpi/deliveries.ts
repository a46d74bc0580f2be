// Builders of realistic deliveries for KPI scenarios: each starts from a real
// payload of @octokit/webhooks-examples (test/fixtures/webhooks) and overrides
// only the fields the scenario is about.
import type { WebhookDelivery } from '../../src/events/index.ts';
import { loadWebhook, type Overrides } from '../events/load-webhook.ts';

let counter = 0;
/** Unique, deterministic delivery ids (GitHub's are UUIDs; any unique string will do). */
function nextId(prefix: string): string {
  counter++;
  return `${prefix}-${String(counter).padStart(6, '0')}`;
}

export function repository(fullName: string, extra: Overrides = {}): Overrides {
  const [owner = 'acme', name = 'api'] = fullName.split('/');
  return { repository: { full_name: fullName, name, owner: { login: owner }, ...extra } };
}

function delivery(fixture: string, name: string, overrides: Overrides, at?: string): WebhookDelivery {
  const d: WebhookDelivery = { id: nextId(fixture), name, payload: loadWebhook(fixture, overrides) };
  if (at !== undefined) d.at = at;
  return d;
}

export function sha(seed: string): string {
  let hex = '';
  for (const ch of seed) hex += ch.charCodeAt(0).toString(16);
  return hex.padEnd(40, '0').slice(0, 40);
}

/** A release id of its own per repo and tag, as GitHub gives each release (the fixture has one for all). */
export function releaseId(repo: string, tag: string): number {
  let id = 7;
  for (const ch of `${repo}@${tag}`) id = (id * 31 + ch.charCodeAt(0)) % 2_000_000_000;
  return id + 1;
}

export function releasePublished({
  repo,
  tag,
  publishedAt,
  commit,
  name = tag,
  prerelease = false,
  at,
  action = 'published',
}: {
  repo: string;
  tag: string;
  publishedAt: string;
  commit?: string;
  name?: string;
  prerelease?: boolean;
  at?: string;
  /** `released`: a release published, or a prerelease promoted to a release. */
  action?: 'published' | 'released';
}): WebhookDelivery {
  return delivery(
    `release.${action}`,
    'release',
    {
      ...repository(repo),
      action,
      release: {
        id: releaseId(repo, tag),
        url: `https://api.github.com/repos/${repo}/releases/${releaseId(repo, tag)}`,
        html_url: `https://github.com/${repo}/releases/tag/${tag}`,
        tag_name: tag,
        name,
        published_at: publishedAt,
        created_at: publishedAt,
        draft: false,
        prerelease,
        target_commitish: commit ?? 'main',
      },
    },
    at,
  );
}

export function releaseRetracted({
  repo,
  tag,
  action,
  publishedAt,
  at,
}: {
  repo: string;
  tag: string;
  action: 'deleted' | 'unpublished' | 'prereleased';
  publishedAt: string;
  at?: string;
}): WebhookDelivery {
  const fixture =
    action === 'deleted' ? 'release.deleted' : action === 'prereleased' ? 'release.prereleased' : 'release.deleted';
  return delivery(
    fixture,
    'release',
    {
      ...repository(repo),
      action,
      release: { tag_name: tag, published_at: publishedAt, prerelease: action === 'prereleased' },
    },
    at,
  );
}

export function tagPushed({
  repo,
  tag,
  commit,
  pushedAt,
}: {
  repo: string;
  tag: string;
  commit: string;
  /** `repository.pushed_at` as push payloads carry it (epoch seconds); the fixture's when not given; null: none. */
  pushedAt?: number | null;
}): WebhookDelivery {
  return delivery('push.tag', 'push', {
    ...repository(repo, pushedAt === undefined ? {} : { pushed_at: pushedAt }),
    ref: `refs/tags/${tag}`,
    deleted: false,
    after: commit,
    head_commit: { id: commit },
  });
}

export function coverageReported({
  repo,
  commit,
  covered,
  total,
  completedAt,
  id,
}: {
  repo: string;
  commit: string;
  covered: number;
  total: number;
  completedAt: string;
  id?: number;
}): WebhookDelivery {
  return delivery('check_run.completed', 'check_run', {
    ...repository(repo),
    check_run: {
      id: id ?? 10_000 + counter,
      name: 'shipwell/coverage',
      head_sha: commit,
      status: 'completed',
      conclusion: 'success',
      completed_at: completedAt,
      output: { title: 'Coverage', summary: `Lines: ${covered}/${total}`, text: null },
    },
  });
}

export function rollbackRecorded({
  repo,
  commit,
  tag,
  reason,
  completedAt,
}: {
  repo: string;
  commit: string;
  tag?: string;
  reason?: string;
  completedAt: string;
}): WebhookDelivery {
  const lines = [tag === undefined ? null : `Release: ${tag}`, reason === undefined ? null : `Reason: ${reason}`];
  return delivery('check_run.completed', 'check_run', {
    ...repository(repo),
    check_run: {
      id: 20_000 + counter,
      name: 'shipwell/rollback',
      head_sha: commit,
      status: 'completed',
      conclusion: 'success',
      completed_at: completedAt,
      output: { title: 'Rollback', summary: lines.filter((l) => l !== null).join('\n'), text: null },
    },
  });
}

export function workflowRunCompleted({
  repo,
  runId,
  attempt = 1,
  name = 'CI',
  event = 'push',
  conclusion = 'success',
  commit,
  branch = 'main',
  startedAt,
  updatedAt = startedAt,
  displayTitle,
}: {
  repo: string;
  runId: number;
  attempt?: number;
  name?: string;
  event?: string;
  conclusion?: string;
  commit: string;
  branch?: string;
  startedAt: string;
  updatedAt?: string;
  displayTitle?: string;
}): WebhookDelivery {
  return delivery('workflow_run.completed', 'workflow_run', {
    ...repository(repo),
    workflow_run: {
      id: runId,
      run_attempt: attempt,
      name,
      event,
      status: 'completed',
      conclusion,
      head_sha: commit,
      head_branch: branch,
      // REST lists runs by creation time: a run of the scenario is created in it, not in the fixture's 2021
      created_at: startedAt,
      run_started_at: startedAt,
      updated_at: updatedAt,
      display_title: displayTitle ?? name,
      html_url: `https://github.com/${repo}/actions/runs/${runId}`,
    },
  });
}

export function deploymentSucceeded({
  repo,
  deploymentId,
  commit,
  ref = 'main',
  environment = 'production',
  createdAt,
  succeededAt,
  state = 'success',
  byWorkflow = true,
  creator = { login: 'octocat', type: 'User' },
}: {
  repo: string;
  deploymentId: number;
  commit: string;
  ref?: string;
  environment?: string;
  createdAt: string;
  succeededAt: string;
  state?: string;
  byWorkflow?: boolean;
  creator?: { login: string; type: string };
}): WebhookDelivery {
  // made by a workflow: the status logs to that run and the deployment names GitHub Actions, as REST shows it too
  const runUrl = `https://github.com/${repo}/actions/runs/${deploymentId * 100}`;
  const d = delivery('deployment_status.created-by-workflow', 'deployment_status', {
    ...repository(repo),
    deployment: {
      id: deploymentId,
      sha: commit,
      ref,
      environment,
      created_at: createdAt,
      creator,
      performed_via_github_app: byWorkflow ? { id: 15368, slug: 'github-actions', name: 'GitHub Actions' } : null,
    },
    deployment_status: {
      id: deploymentId * 10 + 1,
      state,
      created_at: succeededAt,
      updated_at: succeededAt,
      environment,
      log_url: byWorkflow ? runUrl : '',
      target_url: byWorkflow ? runUrl : '',
    },
    ...(byWorkflow ? { workflow_run: { id: deploymentId * 100 } } : {}),
  });
  if (!byWorkflow) (d.payload as Record<string, unknown>).workflow_run = null;
  return d;
}

export function alertEvent({
  repo,
  number,
  action,
  state,
  createdAt,
  updatedAt,
  fixedAt = null,
  dismissedAt = null,
  autoDismissedAt = null,
  severity = 'high',
}: {
  repo: string;
  number: number;
  action: string;
  state: 'open' | 'fixed' | 'dismissed' | 'auto_dismissed';
  createdAt: string;
  updatedAt: string;
  fixedAt?: string | null;
  dismissedAt?: string | null;
  autoDismissedAt?: string | null;
  severity?: string;
}): WebhookDelivery {
  return delivery('dependabot_alert.fixed', 'dependabot_alert', {
    ...repository(repo),
    action,
    alert: {
      number,
      state,
      created_at: createdAt,
      updated_at: updatedAt,
      fixed_at: fixedAt,
      dismissed_at: dismissedAt,
      auto_dismissed_at: autoDismissedAt,
      security_advisory: { severity },
      security_vulnerability: { severity },
    },
  });
}

export function labeled({
  repo,
  number,
  label,
  title,
  body = null,
  at,
  kind = 'issues',
}: {
  repo: string;
  number: number;
  label: string;
  title: string;
  body?: string | null;
  at: string;
  kind?: 'issues' | 'pull_request';
}): WebhookDelivery {
  const item = { number, title, body, updated_at: at };
  return delivery(
    `${kind}.labeled`,
    kind,
    { ...repository(repo), label: { name: label }, [kind === 'issues' ? 'issue' : 'pull_request']: item },
    at,
  );
}

export function pullMerged({
  repo,
  number,
  headRef,
  title,
  mergedAt,
}: {
  repo: string;
  number: number;
  headRef: string;
  title: string;
  mergedAt: string;
}): WebhookDelivery {
  return delivery('pull_request.closed', 'pull_request', {
    ...repository(repo),
    action: 'closed',
    number,
    pull_request: { number, title, merged: true, merged_at: mergedAt, head: { ref: headRef } },
  });
}

export function approvalGiven({
  repo,
  runId,
  commit,
  branch = 'main',
  approver = { login: 'octocat', type: 'User' },
  at,
  since,
  runStartedAt,
}: {
  repo: string;
  runId: number;
  commit: string;
  branch?: string;
  approver?: { login: string; type: string };
  at: string;
  /** When the run started waiting for the review (the payload's `since`). */
  since?: string;
  /** The run attempt's `run_started_at`. */
  runStartedAt?: string;
}): WebhookDelivery {
  return delivery(
    'deployment_review.requested',
    'deployment_review',
    {
      ...repository(repo),
      action: 'approved',
      approver,
      workflow_run: {
        id: runId,
        run_attempt: 1,
        head_sha: commit,
        head_branch: branch,
        updated_at: at,
        run_started_at: runStartedAt ?? null,
      },
      // The example payload's own `since` (2023) would stand for every approval: only the one given.
      since: since ?? null,
    },
    at,
  );
}

/** Any delivery about the repository (a star), carrying its topics: what repo-info facts come from. */
export function repositoryTouched({
  repo,
  topics,
  at,
}: {
  repo: string;
  topics: string[];
  at: string;
}): WebhookDelivery {
  return delivery('star.created', 'star', { ...repository(repo, { topics }) }, at);
}
