import { z } from 'zod';
import type { RepoInfoFact, WebhookDelivery } from '../src/events/index.ts';
import { parseInstant } from '../src/time/index.ts';

const payloadSchema = z.looseObject({
  repository: z.looseObject({ full_name: z.string().min(1) }),
  new_property_values: z.array(
    z.looseObject({
      property_name: z.string().min(1),
      value: z.union([z.string(), z.array(z.string())]).nullable(),
    }),
  ),
});

/**
 * A `custom_property_values` delivery says which properties a repository now
 * has in `new_property_values` (its `repository` may not carry them): a
 * repo-info fact with those values, so segments follow the change. Removed
 * values (null) say nothing. Empty when the payload does not fit.
 */
export function readCustomPropertyFacts(delivery: WebhookDelivery): RepoInfoFact[] {
  if (delivery.name !== 'custom_property_values') return [];
  const parsed = payloadSchema.safeParse(delivery.payload);
  if (!parsed.success) return [];
  const values = parsed.data.new_property_values.filter(
    (entry): entry is { property_name: string; value: string | string[] } =>
      entry.value !== null && (typeof entry.value === 'string' ? entry.value !== '' : entry.value.length > 0),
  );
  if (values.length === 0) return [];
  return [
    {
      type: 'repo-info',
      repo: parsed.data.repository.full_name,
      origin: `${delivery.id}:custom-properties`,
      topics: null,
      customProperties: Object.fromEntries(values.map((entry) => [entry.property_name, entry.value])),
      observedAt: delivery.at === undefined ? null : parseInstant(delivery.at),
    },
  ];
}
