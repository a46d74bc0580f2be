import { describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../src/events/index.ts';
import { eventFactsOf, ignoredReasonOf } from './facts-of.ts';
import { loadWebhook, webhookDelivery } from './load-webhook.ts';

describe.each([
  ['issues.labeled', 'issue'],
  ['pull_request.labeled', 'pull_request'],
] as const)('%s', (fixture, item) => {
  const labeled = loadWebhook(fixture)[item] as { number: number; title: string; body: string; updated_at: string };

  it('gives a label fact timed by the item updated_at when the delivery has no time', () => {
    const delivery = webhookDelivery(fixture);
    expect(eventFactsOf(normalizeDelivery(delivery))).toEqual([
      {
        type: 'label',
        repo: 'Codertocat/Hello-World',
        origin: delivery.id,
        number: labeled.number,
        label: 'bug',
        title: labeled.title,
        body: labeled.body,
        at: Date.parse(labeled.updated_at),
      },
    ]);
  });

  it('the delivery time wins over updated_at', () => {
    const at = '2026-03-04T08:00:00Z';
    expect(eventFactsOf(normalizeDelivery(webhookDelivery(fixture, { at })))).toMatchObject([{ at: Date.parse(at) }]);
  });

  it('a null body is null', () => {
    const delivery = webhookDelivery(fixture, { overrides: { [item]: { body: null } } });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ body: null }]);
  });

  it('no time at all is an error at the item updated_at', () => {
    const delivery = webhookDelivery(fixture, { overrides: { [item]: { updated_at: undefined } } });
    expect(() => normalizeDelivery(delivery)).toThrow(`payload.${item}.updated_at: expected an ISO-8601 time`);
  });

  it('a label without a name is an error', () => {
    const delivery = webhookDelivery(fixture, { overrides: { label: { name: undefined } } });
    expect(() => normalizeDelivery(delivery)).toThrow('payload.label.name: expected a string, found nothing');
  });
});

describe('pull_request closed', () => {
  it('closed without merge is ignored', () => {
    expect(ignoredReasonOf(normalizeDelivery(webhookDelivery('pull_request.closed')))).toMatch(/not merged/);
  });

  it('merged: a merged-pull fact with its head ref (a revert PR is found by it)', () => {
    const mergedAt = '2026-03-05T10:00:00.000Z';
    const delivery = webhookDelivery('pull_request.closed', {
      overrides: { pull_request: { merged: true, merged_at: mergedAt, head: { ref: 'revert-12-feature' } } },
    });
    const pull = loadWebhook('pull_request.closed').pull_request as { number: number; title: string };
    expect(eventFactsOf(normalizeDelivery(delivery))).toEqual([
      {
        type: 'merged-pull',
        repo: 'Codertocat/Hello-World',
        origin: delivery.id,
        number: pull.number,
        headRef: 'revert-12-feature',
        title: pull.title,
        mergedAt: Date.parse(mergedAt),
      },
    ]);
  });

  it('merged without merged_at is an error', () => {
    const delivery = webhookDelivery('pull_request.closed', { overrides: { pull_request: { merged: true } } });
    expect(() => normalizeDelivery(delivery)).toThrow(
      'payload.pull_request.merged_at: expected an ISO-8601 time (the pull request is merged), found null',
    );
  });
});

describe('other issue and pull request actions', () => {
  it('issues.opened is ignored: only labeled is read', () => {
    expect(ignoredReasonOf(normalizeDelivery(webhookDelivery('issues.opened')))).toBe(
      'issues.opened: only "labeled" is read',
    );
  });

  it('pull_request.opened is ignored', () => {
    expect(ignoredReasonOf(normalizeDelivery(webhookDelivery('pull_request.opened')))).toMatch(
      /^pull_request\.opened: /,
    );
  });
});
