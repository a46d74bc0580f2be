import { describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../src/events/index.ts';
import { eventFactsOf, ignoredReasonOf } from './facts-of.ts';
import { loadWebhook, webhookDelivery } from './load-webhook.ts';

// @octokit/webhooks-examples has only a `requested` deployment_review: the
// approved ones are that real payload with action "approved" and, where a test
// says so, an `approver` (GitHub sends both on approval).
const approved = { action: 'approved' };
const run = loadWebhook('deployment_review.requested').workflow_run as {
  id: number;
  head_sha: string;
  head_branch: string;
  updated_at: string;
  run_started_at: string;
};
const since = loadWebhook('deployment_review.requested').since as string;
const sender = loadWebhook('deployment_review.requested').sender as { login: string };

describe('deployment_review deliveries', () => {
  it('approved: the approver, the run and its commit; time = delivery at', () => {
    const at = '2023-07-04T09:30:00.000Z';
    const delivery = webhookDelivery('deployment_review.requested', {
      overrides: { ...approved, approver: { login: 'release-manager', type: 'User' } },
      at,
    });
    expect(eventFactsOf(normalizeDelivery(delivery))).toEqual([
      {
        type: 'approval',
        repo: 'terraform-test-github/sample-app',
        origin: delivery.id,
        runId: run.id,
        attempt: 1,
        approver: 'release-manager',
        byBot: false,
        sha: run.head_sha,
        ref: run.head_branch,
        at: Date.parse(at),
        waitingSince: Date.parse(since),
      },
    ]);
  });

  it('waits since `since`, else since the run attempt started, else unknown (docs/kpis.md, "Time spent")', () => {
    const at = '2023-07-04T09:30:00.000Z';
    const waitingSince = (overrides: Record<string, unknown>) =>
      eventFactsOf(normalizeDelivery(webhookDelivery('deployment_review.requested', { overrides, at }))).map(
        (f) => f.type === 'approval' && f.waitingSince,
      );
    expect(waitingSince({ ...approved, since: null })).toEqual([Date.parse(run.run_started_at)]);
    expect(waitingSince({ ...approved, since: null, workflow_run: { run_started_at: null } })).toEqual([null]);
  });

  it('without approver the sender approved; without delivery time, workflow_run.updated_at', () => {
    const delivery = webhookDelivery('deployment_review.requested', { overrides: approved });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([
      { approver: sender.login, at: Date.parse(run.updated_at) },
    ]);
  });

  it('falls back to since when the run has no updated_at', () => {
    const since = '2023-07-04T09:28:00+00:00';
    const delivery = webhookDelivery('deployment_review.requested', {
      overrides: { ...approved, since, workflow_run: { updated_at: null } },
    });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ at: Date.UTC(2023, 6, 4, 9, 28) }]);
  });

  it('no time at all is an error naming the last fallback', () => {
    const delivery = webhookDelivery('deployment_review.requested', {
      overrides: { ...approved, since: undefined, workflow_run: { updated_at: undefined } },
    });
    expect(() => normalizeDelivery(delivery)).toThrow(/payload\.since: expected an ISO-8601 time/);
  });

  it.each([
    [{ login: 'approver-app[bot]', type: 'User' }, true],
    [{ login: 'automation', type: 'Bot' }, true],
    [{ login: 'octocat', type: 'User' }, false],
  ])('bot detection of the approver %o', (approver, byBot) => {
    const delivery = webhookDelivery('deployment_review.requested', { overrides: { ...approved, approver } });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ approver: approver.login, byBot }]);
  });

  it('run_attempt is read when present', () => {
    const delivery = webhookDelivery('deployment_review.requested', {
      overrides: { ...approved, workflow_run: { run_attempt: 2 } },
    });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ attempt: 2 }]);
  });

  it('requested is ignored', () => {
    expect(ignoredReasonOf(normalizeDelivery(webhookDelivery('deployment_review.requested')))).toBe(
      'deployment_review.requested: only "approved" is read',
    );
  });
});
