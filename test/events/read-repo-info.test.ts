import { describe, expect, it } from 'vitest';
import { type Fact, normalizeDelivery, type RepoInfoFact } from '../../src/events/index.ts';
import { loadWebhook, webhookDelivery } from './load-webhook.ts';

function repoInfoOf(facts: Fact[] | undefined): RepoInfoFact | undefined {
  return facts?.find((fact): fact is RepoInfoFact => fact.type === 'repo-info');
}

describe('repo-info from any delivery with a repository', () => {
  it('topics from a real payload of an event Shipwell otherwise ignores', () => {
    const delivery = webhookDelivery('branch_protection_rule.created');
    const repository = loadWebhook('branch_protection_rule.created').repository as {
      full_name: string;
      updated_at: string;
    };
    const result = normalizeDelivery(delivery);
    expect(result.kind).toBe('ignored');
    expect(repoInfoOf(result.facts)).toEqual({
      type: 'repo-info',
      repo: repository.full_name,
      origin: delivery.id,
      topics: ['octoherd-script'],
      customProperties: null,
      observedAt: Date.parse(repository.updated_at),
    });
  });

  it('a read event gives its facts and the repo-info', () => {
    const result = normalizeDelivery(webhookDelivery('release.published'));
    expect(result.kind === 'facts' && result.facts.map((f) => f.type)).toEqual(['release', 'repo-info']);
  });

  it('empty topics and custom properties say nothing, yet the repo is known', () => {
    const delivery = webhookDelivery('release.created');
    expect(repoInfoOf(normalizeDelivery(delivery).facts)).toMatchObject({
      repo: 'Codertocat/Hello-World',
      topics: null,
      customProperties: null,
    });
  });

  it('custom properties (the examples have none: added here), null values dropped, multi-select kept', () => {
    const delivery = webhookDelivery('release.published', {
      overrides: { repository: { custom_properties: { segment: 'cloud', teams: ['a', 'b'], owner: null } } },
    });
    expect(repoInfoOf(normalizeDelivery(delivery).facts)).toMatchObject({
      customProperties: { segment: 'cloud', teams: ['a', 'b'] },
    });
  });

  it('custom properties that are all null say nothing', () => {
    const delivery = webhookDelivery('release.published', {
      overrides: { repository: { custom_properties: { x: null } } },
    });
    expect(repoInfoOf(normalizeDelivery(delivery).facts)).toMatchObject({ customProperties: null });
  });

  it('malformed topics say nothing rather than rejecting the delivery', () => {
    const delivery = webhookDelivery('star.created', { overrides: { repository: { topics: 'cloud' } } });
    expect(repoInfoOf(normalizeDelivery(delivery).facts)).toMatchObject({ topics: null });
  });

  it('observedAt: the delivery time wins over updated_at', () => {
    const at = '2026-01-01T00:00:00+00:00';
    const delivery = webhookDelivery('release.published', { at });
    expect(repoInfoOf(normalizeDelivery(delivery).facts)).toMatchObject({ observedAt: Date.UTC(2026, 0, 1) });
  });

  it('observedAt from epoch-seconds updated_at (push payloads)', () => {
    const delivery = webhookDelivery('push.branch', { overrides: { repository: { updated_at: 1557933657 } } });
    expect(repoInfoOf(normalizeDelivery(delivery).facts)).toMatchObject({ observedAt: 1557933657 * 1000 });
  });

  it('observedAt from an ISO updated_at in a push payload', () => {
    const delivery = webhookDelivery('push.branch');
    expect(repoInfoOf(normalizeDelivery(delivery).facts)).toMatchObject({
      observedAt: Date.parse('2019-05-15T15:20:41Z'),
    });
  });

  it('no repository, no repo-info: an installation delivery is only ignored', () => {
    const result = normalizeDelivery(webhookDelivery('installation.created'));
    expect(result).toEqual({ kind: 'ignored', reason: 'installation: Shipwell does not read this event' });
  });
});
