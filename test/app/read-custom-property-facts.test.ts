import { describe, expect, it } from 'vitest';
import { readCustomPropertyFacts } from '../../app/read-custom-property-facts.ts';
import { defaultConfig } from '../../src/config/index.ts';
import { createSegmentResolver } from '../../src/kpi/index.ts';
import { loadWebhook } from '../events/load-webhook.ts';

// The webhook examples have no custom_property_values payload: this one is
// built from GitHub's documented shape on a real repository object.
function delivery(values: { property_name: string; value: string | string[] | null }[]) {
  return {
    id: 'cp-1',
    name: 'custom_property_values',
    at: '2026-03-01T10:00:00Z',
    payload: {
      action: 'updated',
      repository: loadWebhook('release.published').repository,
      organization: { login: 'Codertocat' },
      new_property_values: values,
      old_property_values: [],
    },
  };
}

describe('custom_property_values deliveries', () => {
  it('give a repo-info fact with the new values, so the segment follows', () => {
    const facts = readCustomPropertyFacts(
      delivery([
        { property_name: 'segment', value: 'ios' },
        { property_name: 'team', value: ['a', 'b'] },
      ]),
    );
    expect(facts).toEqual([
      {
        type: 'repo-info',
        repo: 'Codertocat/Hello-World',
        origin: 'cp-1:custom-properties',
        topics: null,
        customProperties: { segment: 'ios', team: ['a', 'b'] },
        observedAt: Date.parse('2026-03-01T10:00:00Z'),
      },
    ]);
    const resolve = createSegmentResolver(defaultConfig());
    expect(
      resolve({ repo: 'Codertocat/Hello-World', topics: null, customProperties: facts[0]!.customProperties! }),
    ).toBe('ios');
  });

  it('say nothing for removed values, other events or malformed payloads', () => {
    expect(readCustomPropertyFacts(delivery([{ property_name: 'segment', value: null }]))).toEqual([]);
    expect(
      readCustomPropertyFacts({ ...delivery([{ property_name: 'segment', value: 'ios' }]), name: 'repository' }),
    ).toEqual([]);
    expect(
      readCustomPropertyFacts({ id: 'x', name: 'custom_property_values', payload: { new_property_values: 'no' } }),
    ).toEqual([]);
  });
});
