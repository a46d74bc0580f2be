import { describe, expect, it } from 'vitest';
import { locateDelivery } from '../../src/events/index.ts';
import { loadWebhook } from './load-webhook.ts';

describe('locateDelivery', () => {
  it('names the repository and its owner from a real payload', () => {
    expect(locateDelivery(loadWebhook('release.published'))).toEqual({
      repo: 'Codertocat/Hello-World',
      org: 'Codertocat',
      installationId: null,
    });
    expect(locateDelivery({ ...loadWebhook('release.published'), installation: { id: 7 } }).installationId).toBe(7);
  });

  it('falls back to the organization, then the installation account', () => {
    const installation = loadWebhook('installation.created');
    expect(locateDelivery(installation)).toMatchObject({ repo: null, org: 'Codertocat' });
    expect(locateDelivery({ organization: { login: 'octo-org' }, installation: { account: { login: 'x' } } })).toEqual({
      repo: null,
      org: 'octo-org',
      installationId: null,
    });
  });

  it('says nothing for payloads without those fields or of the wrong shape', () => {
    for (const payload of [
      null,
      'text',
      [],
      {},
      { repository: [] },
      { repository: { full_name: '' } },
      { organization: { login: 7 } },
      { installation: { id: '7' } },
    ]) {
      expect(locateDelivery(payload)).toEqual({ repo: null, org: null, installationId: null });
    }
  });
});
