import { z } from 'zod';
import type { EventContext } from './event-context.ts';
import { repositoryField, shaField } from './payload-fields.ts';
import { readPayload } from './read-payload.ts';
import type { NormalizedDelivery } from './types.ts';

const pushRef = z.looseObject({ ref: z.string(), deleted: z.boolean().nullish() });

const tagPush = z.looseObject({
  repository: repositoryField,
  after: shaField,
  head_commit: z.looseObject({ id: shaField }).nullish(),
});

const TAG_PREFIX = 'refs/tags/';
const NO_COMMIT = /^0+$/;

/**
 * A tag push gives the tag's commit: `head_commit.id`, else `after` (which may
 * be an annotated tag object). Branch pushes and tag deletions say nothing.
 */
export function normalizePush({ delivery }: EventContext): NormalizedDelivery {
  const { ref, deleted } = readPayload({ delivery, schema: pushRef });
  if (!ref.startsWith(TAG_PREFIX)) return { kind: 'ignored', reason: `push to ${ref}: only tag pushes are read` };
  const tag = ref.slice(TAG_PREFIX.length);
  if (deleted === true) return { kind: 'ignored', reason: `push deleting tag ${tag}: says nothing about a release` };
  const { repository, after, head_commit } = readPayload({ delivery, schema: tagPush });
  const sha = (head_commit?.id ?? after).toLowerCase();
  if (NO_COMMIT.test(sha)) return { kind: 'ignored', reason: `push of tag ${tag}: no commit (all-zero sha)` };
  return {
    kind: 'facts',
    facts: [{ type: 'release-sha', repo: repository.full_name, origin: delivery.id, tag, sha, via: 'push' }],
  };
}
