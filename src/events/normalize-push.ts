import { z } from 'zod';
import type { EventContext } from './event-context.ts';
import { instantField, repositoryField, shaField } from './payload-fields.ts';
import { readPayload } from './read-payload.ts';
import type { NormalizedDelivery } from './types.ts';

const pushRef = z.looseObject({ ref: z.string(), deleted: z.boolean().nullish() });

/** `repository.pushed_at`: epoch seconds in push payloads, an ISO time elsewhere; null when absent. */
const pushedAtField = z.unknown().transform((value, ctx) => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.round(value * 1000);
  const time = instantField.safeParse(value, { reportInput: true });
  if (time.success) return time.data;
  // a time the calendar does not have keeps its reason (params.problem)
  for (const issue of time.error.issues) {
    ctx.addIssue({ ...issue, code: 'custom', message: 'epoch seconds or an ISO-8601 time', input: value });
  }
  return z.NEVER;
});

const tagPush = z.looseObject({
  repository: repositoryField.extend({ pushed_at: pushedAtField }),
  after: shaField,
  head_commit: z.looseObject({ id: shaField }).nullish(),
});

const TAG_PREFIX = 'refs/tags/';
const NO_COMMIT = /^0+$/;

/**
 * A tag push gives the tag's commit: `head_commit.id`, else `after` (which may
 * be an annotated tag object), with `repository.pushed_at` (a tag moved by
 * several pushes follows the latest). Branch pushes and tag deletions say nothing.
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
    facts: [
      {
        type: 'release-sha',
        repo: repository.full_name,
        origin: delivery.id,
        tag,
        sha,
        via: 'push',
        pushedAt: repository.pushed_at,
      },
    ],
  };
}
