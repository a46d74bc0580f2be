import { z } from 'zod';
import { type Instant, parseInstant } from '../time/index.ts';
import type { RepoInfoFact, WebhookDelivery } from './types.ts';

/** `updated_at` is ISO in most payloads, epoch seconds in `push` ones. */
const observedTime = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value): Instant | null => {
    if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : null;
    return typeof value === 'string' ? parseInstant(value) : null;
  })
  .catch(null);

const topics = z
  .array(z.string())
  .nullish()
  .transform((list) => (list && list.length > 0 ? list : null))
  .catch(null);

const customProperties = z
  .record(
    z.string(),
    z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .catch(null),
  )
  .nullish()
  .transform((record) => {
    if (!record) return null;
    const kept = Object.entries(record).filter((entry): entry is [string, string | string[]] => entry[1] !== null);
    return kept.length > 0 ? Object.fromEntries(kept) : null;
  })
  .catch(null);

/**
 * Read leniently, since every delivery passes here, including events Shipwell
 * otherwise ignores: a malformed topic list or property says nothing rather
 * than rejecting the delivery.
 */
const repositorySchema = z.looseObject({
  repository: z.looseObject({
    full_name: z.string().min(1),
    topics,
    custom_properties: customProperties,
    updated_at: observedTime,
  }),
});

/**
 * The repo-info fact of any delivery whose payload has a `repository` with a
 * `full_name` (else null). Always emitted, with nulls when the payload says
 * nothing, so the engine knows the repo exists. `observedAt`: delivery time,
 * else the repository's `updated_at`.
 */
export function readRepoInfo({
  delivery,
  at,
}: {
  delivery: Pick<WebhookDelivery, 'id' | 'payload'>;
  at: Instant | null;
}): RepoInfoFact | null {
  const parsed = repositorySchema.safeParse(delivery.payload);
  if (!parsed.success) return null;
  const { repository } = parsed.data;
  return {
    type: 'repo-info',
    repo: repository.full_name,
    origin: delivery.id,
    topics: repository.topics,
    customProperties: repository.custom_properties,
    observedAt: at ?? repository.updated_at,
  };
}
