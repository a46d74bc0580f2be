import { describe, expect, it } from 'vitest';
import { DeliveryError, type Fact, normalizeDelivery } from '../../src/events/index.ts';
import { webhookDelivery } from './load-webhook.ts';

const REPO = 'Codertocat/Hello-World';
const SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

function factsOf(result: ReturnType<typeof normalizeDelivery>): Fact[] {
  if (result.kind !== 'facts') throw new Error(`expected facts, got ignored: ${result.reason}`);
  return result.facts;
}

describe('release deliveries', () => {
  it.each(['published', 'released'])('release.%s gives the release from the real payload', (action) => {
    const delivery = webhookDelivery(`release.${action}`);
    const facts = factsOf(normalizeDelivery(delivery));
    expect(facts.filter((f) => f.type === 'release')).toEqual([
      {
        type: 'release',
        repo: REPO,
        origin: delivery.id,
        tag: '0.0.1',
        name: action === 'published' ? null : '',
        publishedAt: Date.parse('2019-05-15T15:20:53Z'),
        draft: false,
        prerelease: false,
        deliveredAt: null,
      },
    ]);
    // target_commitish is "master": no sha from the release itself
    expect(facts.some((f) => f.type === 'release-sha')).toBe(false);
  });

  it('a 40-hex target_commitish gives the release sha via target', () => {
    const delivery = webhookDelivery('release.published', {
      overrides: { release: { tag_name: 'v1.0.0', target_commitish: SHA.toUpperCase() } },
    });
    const facts = factsOf(normalizeDelivery(delivery));
    expect(facts).toContainEqual({
      type: 'release-sha',
      repo: REPO,
      origin: delivery.id,
      tag: 'v1.0.0',
      sha: SHA,
      via: 'target',
    });
  });

  it('keeps draft and prerelease flags as sent', () => {
    const delivery = webhookDelivery('release.published', {
      overrides: { release: { prerelease: true, draft: true } },
    });
    const [release] = factsOf(normalizeDelivery(delivery)).filter((f) => f.type === 'release');
    expect(release).toMatchObject({ prerelease: true, draft: true });
  });

  it.each([
    ['deleted', 'release.deleted', {}],
    ['unpublished', 'release.published', { action: 'unpublished' }],
    ['prereleased', 'release.prereleased', {}],
  ] as const)('release.%s is a retraction at the delivery time', (action, fixture, overrides) => {
    const at = '2026-03-03T12:00:00Z';
    const delivery = webhookDelivery(fixture, { overrides, at });
    const facts = factsOf(normalizeDelivery(delivery));
    expect(facts.filter((f) => f.type !== 'repo-info')).toEqual([
      { type: 'retraction', repo: REPO, origin: delivery.id, tag: '0.0.1', action, at: Date.parse(at) },
    ]);
  });

  it('a retraction without delivery time keeps at null (the engine falls back to publishedAt)', () => {
    const facts = factsOf(normalizeDelivery(webhookDelivery('release.deleted')));
    expect(facts.find((f) => f.type === 'retraction')).toMatchObject({ at: null });
  });

  it.each(['created', 'edited'])('release.%s is ignored with a reason, but still tells the repo exists', (action) => {
    const result = normalizeDelivery(webhookDelivery(`release.${action}`));
    expect(result.kind).toBe('ignored');
    if (result.kind !== 'ignored') return;
    expect(result.reason).toContain(`release.${action}`);
    expect(result.facts?.map((f) => f.type)).toEqual(['repo-info']);
  });

  it('published without published_at names the delivery, the path and what was found', () => {
    const delivery = webhookDelivery('release.published', { overrides: { release: { published_at: null } } });
    expect(() => normalizeDelivery(delivery)).toThrow(
      'delivery 72d3162e-cc78-11e3-81ab-4c9367dc0958: payload.release.published_at: expected an ISO-8601 time, found null',
    );
    try {
      normalizeDelivery(delivery);
    } catch (error) {
      expect(error).toBeInstanceOf(DeliveryError);
      expect(error).toMatchObject({
        deliveryId: delivery.id,
        path: 'payload.release.published_at',
        expected: 'an ISO-8601 time',
        found: 'null',
      });
    }
  });

  it('a deleted release needs no published_at', () => {
    const delivery = webhookDelivery('release.deleted', { overrides: { release: { published_at: null } } });
    expect(normalizeDelivery(delivery).kind).toBe('facts');
  });

  it('reports every problem of a payload together', () => {
    const delivery = webhookDelivery('release.published', {
      overrides: { release: { published_at: '2019-05-15 15:20:53', draft: 'no' } },
    });
    expect(() => normalizeDelivery(delivery)).toThrow(DeliveryError);
    try {
      normalizeDelivery(delivery);
    } catch (error) {
      const problems = (error as DeliveryError).problems.map((p) => p.path);
      expect(problems).toEqual(['payload.release.published_at', 'payload.release.draft']);
      expect((error as DeliveryError).message).toContain('payload.release.draft: expected a boolean, found "no"');
    }
  });

  it('a release without a tag is an error at payload.release.tag_name', () => {
    const delivery = webhookDelivery('release.published', { overrides: { release: { tag_name: undefined } } });
    expect(() => normalizeDelivery(delivery)).toThrow(/payload\.release\.tag_name: expected a string, found nothing/);
  });
});

describe('times: every ISO-8601 form with a zone is the same instant', () => {
  it.each([
    '2019-05-15T15:20:53Z',
    '2019-05-15T15:20:53.000Z',
    '2019-05-15T15:20:53+00:00',
    '2019-05-15T17:20:53+02:00',
  ])('published_at %s', (publishedAt) => {
    const delivery = webhookDelivery('release.published', { overrides: { release: { published_at: publishedAt } } });
    const release = factsOf(normalizeDelivery(delivery)).find((f) => f.type === 'release');
    expect(release).toMatchObject({ publishedAt: Date.UTC(2019, 4, 15, 15, 20, 53) });
  });

  it.each([
    ['2019-05-15T15:20:53', '"2019-05-15T15:20:53"'],
    ['yesterday', '"yesterday"'],
    [1557933653, '1557933653'],
  ])('a time without a zone, or not a time, is an error: %s', (publishedAt, found) => {
    const delivery = webhookDelivery('release.published', { overrides: { release: { published_at: publishedAt } } });
    expect(() => normalizeDelivery(delivery)).toThrow(
      `payload.release.published_at: expected an ISO-8601 time, found ${found}`,
    );
  });
});
