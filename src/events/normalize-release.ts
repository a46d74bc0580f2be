import { z } from 'zod';
import type { EventContext } from './event-context.ts';
import { instantField, optionalStringField, repositoryField } from './payload-fields.ts';
import { readPayload } from './read-payload.ts';
import type { Fact, NormalizedDelivery, RetractionFact } from './types.ts';

const releaseAction = z.looseObject({
  action: z.string(),
  repository: repositoryField,
  release: z.looseObject({ tag_name: z.string().min(1) }),
});

const publishedRelease = z.looseObject({
  release: z.looseObject({
    name: optionalStringField,
    published_at: instantField,
    draft: z.boolean(),
    prerelease: z.boolean(),
    target_commitish: optionalStringField,
  }),
});

const SHA = /^[0-9a-f]{40}$/i;
const RETRACTIONS: readonly string[] = ['deleted', 'unpublished', 'prereleased'] satisfies RetractionFact['action'][];

/**
 * `release` published/released → a release with its delivery time (and its
 * sha when `target_commitish` is a commit id); deleted/unpublished/prereleased → a
 * retraction at the delivery time (null without one: the engine falls back to
 * the release's publishedAt). GitHub sends `created` beside `published`: only
 * the latter creates the release.
 */
export function normalizeRelease({ delivery, at }: EventContext): NormalizedDelivery {
  const { action, repository, release } = readPayload({ delivery, schema: releaseAction });
  const base = { repo: repository.full_name, origin: delivery.id, tag: release.tag_name };
  if (RETRACTIONS.includes(action)) {
    const retraction: RetractionFact = { ...base, type: 'retraction', action: action as RetractionFact['action'], at };
    return { kind: 'facts', facts: [retraction] };
  }
  if (action !== 'published' && action !== 'released') {
    return {
      kind: 'ignored',
      reason: `release.${action}: only "published", "released", "deleted", "unpublished" and "prereleased" are read`,
    };
  }
  const published = readPayload({ delivery, schema: publishedRelease }).release;
  const facts: Fact[] = [
    {
      ...base,
      type: 'release',
      name: published.name,
      publishedAt: published.published_at,
      draft: published.draft,
      prerelease: published.prerelease,
      deliveredAt: at,
    },
  ];
  const target = published.target_commitish;
  if (target !== null && SHA.test(target)) {
    facts.push({ ...base, type: 'release-sha', sha: target.toLowerCase(), via: 'target' });
  }
  return { kind: 'facts', facts };
}
