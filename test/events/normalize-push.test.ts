import { describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../src/events/index.ts';
import { eventFactsOf, ignoredReasonOf } from './facts-of.ts';
import { loadWebhook, webhookDelivery } from './load-webhook.ts';

describe('push deliveries', () => {
  it('a tag push gives the tag sha from head_commit.id', () => {
    const delivery = webhookDelivery('push.tag');
    const headCommit = loadWebhook('push.tag').head_commit as { id: string };
    expect(eventFactsOf(normalizeDelivery(delivery))).toEqual([
      {
        type: 'release-sha',
        repo: 'Codertocat/Hello-World',
        origin: delivery.id,
        tag: 'simple-tag',
        sha: headCommit.id,
        via: 'push',
        pushedAt: 1557933657 * 1000,
      },
    ]);
  });

  it('reads repository.pushed_at as epoch seconds or an ISO time, and refuses one the calendar does not have', () => {
    const iso = webhookDelivery('push.tag', { overrides: { repository: { pushed_at: '2019-05-15T15:20:57Z' } } });
    expect(eventFactsOf(normalizeDelivery(iso))).toMatchObject([{ pushedAt: Date.parse('2019-05-15T15:20:57Z') }]);
    const none = webhookDelivery('push.tag', { overrides: { repository: { pushed_at: null } } });
    expect(eventFactsOf(normalizeDelivery(none))).toMatchObject([{ pushedAt: null }]);
    const impossible = webhookDelivery('push.tag', {
      overrides: { repository: { pushed_at: '2019-02-29T15:20:57Z' } },
    });
    expect(() => normalizeDelivery(impossible)).toThrow(
      'payload.repository.pushed_at: "2019-02-29T15:20:57Z" is not a real calendar time (February 2019 has 28 days)',
    );
  });

  it('prefers head_commit.id over after (after may be an annotated tag object)', () => {
    const tagObject = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const commit = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
    const delivery = webhookDelivery('push.tag', { overrides: { after: tagObject, head_commit: { id: commit } } });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ sha: commit }]);
  });

  it('falls back to after when head_commit is null', () => {
    const after = 'cccccccccccccccccccccccccccccccccccccccc';
    const delivery = webhookDelivery('push.tag', { overrides: { after, head_commit: null } });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ sha: after }]);
  });

  it('an all-zero sha says nothing', () => {
    const delivery = webhookDelivery('push.tag', { overrides: { after: '0'.repeat(40), head_commit: null } });
    expect(ignoredReasonOf(normalizeDelivery(delivery))).toMatch(/simple-tag/);
  });

  it('a tag deletion is ignored', () => {
    expect(ignoredReasonOf(normalizeDelivery(webhookDelivery('push.tag-deleted')))).toMatch(/delet/);
  });

  it('a branch push is ignored with its ref in the reason, but still gives repo-info', () => {
    const result = normalizeDelivery(webhookDelivery('push.branch'));
    expect(ignoredReasonOf(result)).toContain('refs/heads/master');
    expect(result.facts?.map((f) => f.type)).toEqual(['repo-info']);
  });

  it('a tag push whose after is not a sha is an error at payload.after', () => {
    const delivery = webhookDelivery('push.tag', { overrides: { after: 'main', head_commit: null } });
    expect(() => normalizeDelivery(delivery)).toThrow(/payload\.after: expected a commit sha .*found "main"/);
  });
});
