import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/index.ts';
import { DeliveryError, type Fact, normalizeDelivery, type RepoInfoFact } from '../../src/events/index.ts';
import { computeReport, createSegmentResolver, indexFacts } from '../../src/kpi/index.ts';
import { loadWebhook, webhookDelivery } from './load-webhook.ts';

// @octokit/webhooks-examples has no custom_property_values payload. This one is
// a real payload of another event (branch_protection_rule.created, whose
// repository object already has `custom_properties`) with GitHub's documented
// custom_property_values fields in its place (and that event's name): `action: updated`,
// `new_property_values` and `old_property_values`; its `rule` removed.
const FIXTURE = 'branch_protection_rule.created';
const repository = loadWebhook(FIXTURE).repository as { full_name: string; updated_at: string };

function propertyDelivery(
  values: { property_name: string; value: string | string[] | null }[],
  { at = '2026-03-01T10:00:00Z', stale }: { at?: string | null; stale?: Record<string, string> } = {},
) {
  const delivery = webhookDelivery(FIXTURE, {
    id: 'cp-1',
    ...(at === null ? {} : { at }),
    overrides: {
      ...(stale ? { repository: { custom_properties: stale } } : {}),
      action: 'updated',
      rule: undefined,
      new_property_values: values,
      old_property_values: [{ property_name: 'segment', value: 'cloud' }],
    },
  });
  return { ...delivery, name: 'custom_property_values' };
}

function repoInfos(facts: Fact[] | undefined): RepoInfoFact[] {
  return (facts ?? []).filter((fact): fact is RepoInfoFact => fact.type === 'repo-info');
}

describe('custom_property_values deliveries', () => {
  it('give a repo-info fact with the new values, beside the repository object’s own', () => {
    const result = normalizeDelivery(
      propertyDelivery([
        { property_name: 'segment', value: 'ios' },
        { property_name: 'team', value: ['a', 'b'] },
        { property_name: 'retired', value: null },
      ]),
    );
    expect(result.kind).toBe('facts');
    expect(repoInfos(result.facts)).toContainEqual({
      type: 'repo-info',
      repo: repository.full_name,
      origin: 'cp-1:custom-properties',
      topics: null,
      customProperties: { segment: 'ios', team: ['a', 'b'] },
      observedAt: Date.parse('2026-03-01T10:00:00Z'),
    });
    expect(repoInfos(result.facts).map((fact) => fact.origin)).toEqual(['cp-1:custom-properties', 'cp-1']);
  });

  it('move the repository to the segment its new property names, in the report too', () => {
    const facts = normalizeDelivery(propertyDelivery([{ property_name: 'segment', value: 'ios' }])).facts ?? [];
    const now = Date.parse('2026-03-02T00:00:00Z');
    const known = indexFacts({ facts, now }).get(repository.full_name);
    const resolve = createSegmentResolver(defaultConfig());
    expect(
      resolve({ repo: repository.full_name, topics: known?.topics ?? null, customProperties: known!.customProperties }),
    ).toBe('ios');
    const report = computeReport({ facts, config: defaultConfig(), now });
    expect(report.segments.map((segment) => segment.name)).toContain('ios');
  });

  it('without a delivery time, still win over the same payload’s repository object (same time, later origin)', () => {
    const delivery = propertyDelivery([{ property_name: 'segment', value: 'ios' }], {
      at: null,
      stale: { segment: 'cloud' },
    });
    const facts = normalizeDelivery(delivery).facts ?? [];
    const infos = repoInfos(facts);
    expect(infos.map((fact) => [fact.origin, fact.customProperties, fact.observedAt])).toEqual([
      ['cp-1:custom-properties', { segment: 'ios' }, Date.parse(repository.updated_at)],
      ['cp-1', { segment: 'cloud' }, Date.parse(repository.updated_at)],
    ]);
    const known = indexFacts({ facts, now: Date.parse('2026-03-02T00:00:00Z') });
    expect(known.get(repository.full_name)?.customProperties).toEqual({ segment: 'ios' });
  });

  it('say nothing for removed values only; a payload without new_property_values names the field', () => {
    const removed = normalizeDelivery(propertyDelivery([{ property_name: 'segment', value: null }]));
    expect(removed.kind).toBe('ignored');
    expect(repoInfos(removed.facts).map((fact) => fact.origin)).toEqual(['cp-1']);
    const broken = { ...propertyDelivery([]), payload: { ...loadWebhook(FIXTURE), new_property_values: 'no' } };
    expect(() => normalizeDelivery(broken)).toThrow(DeliveryError);
    expect(() => normalizeDelivery(broken)).toThrow(/new_property_values/);
  });
});
