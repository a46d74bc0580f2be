import { describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../src/events/index.ts';
import { eventFactsOf, ignoredReasonOf } from './facts-of.ts';
import { loadWebhook, webhookDelivery } from './load-webhook.ts';

describe('workflow_run deliveries', () => {
  it('a completed run from the real payload', () => {
    const delivery = webhookDelivery('workflow_run.completed');
    expect(eventFactsOf(normalizeDelivery(delivery))).toEqual([
      {
        type: 'workflow-run',
        repo: 'Codertocat/Hello-World',
        origin: delivery.id,
        runId: 1589141559,
        attempt: 1,
        name: 'Manually triggered workflow',
        event: 'workflow_dispatch',
        conclusion: null,
        headSha: '5779607b49aab1200488439f02372c57b4f75444',
        headBranch: 'main',
        startedAt: Date.parse('2021-12-16T19:37:22Z'),
        updatedAt: Date.parse('2021-12-16T19:37:22Z'),
        displayTitle: null,
      },
    ]);
  });

  it('an empty workflow_run.name falls back to workflow.name; display_title is kept', () => {
    const payload = loadWebhook('workflow_run.completed-unnamed');
    const workflow = payload.workflow as { name: string };
    const run = payload.workflow_run as { display_title: string };
    expect(workflow.name).not.toBe('');
    expect(eventFactsOf(normalizeDelivery(webhookDelivery('workflow_run.completed-unnamed')))).toMatchObject([
      { name: workflow.name, displayTitle: run.display_title, conclusion: 'success', event: 'repository_dispatch' },
    ]);
  });

  it('no name anywhere is an error at payload.workflow.name', () => {
    const delivery = webhookDelivery('workflow_run.completed-unnamed', { overrides: { workflow: { name: '' } } });
    expect(() => normalizeDelivery(delivery)).toThrow(/payload\.workflow\.name: expected a workflow name/);
  });

  it('run_attempt defaults to 1 when absent, and is kept when present', () => {
    const absent = webhookDelivery('workflow_run.completed', {
      overrides: { workflow_run: { run_attempt: undefined } },
    });
    expect(eventFactsOf(normalizeDelivery(absent))).toMatchObject([{ attempt: 1 }]);
    const third = webhookDelivery('workflow_run.completed', { overrides: { workflow_run: { run_attempt: 3 } } });
    expect(eventFactsOf(normalizeDelivery(third))).toMatchObject([{ attempt: 3 }]);
  });

  it('workflow_run.requested is ignored', () => {
    expect(ignoredReasonOf(normalizeDelivery(webhookDelivery('workflow_run.requested')))).toBe(
      'workflow_run.requested: only "completed" is read',
    );
  });

  it('a missing run_started_at is an error at its path', () => {
    const delivery = webhookDelivery('workflow_run.completed', {
      overrides: { workflow_run: { run_started_at: undefined } },
    });
    expect(() => normalizeDelivery(delivery)).toThrow(
      /payload\.workflow_run\.run_started_at: expected an ISO-8601 time, found nothing/,
    );
  });
});
