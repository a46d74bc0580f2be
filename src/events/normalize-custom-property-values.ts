import { z } from 'zod';
import type { EventContext } from './event-context.ts';
import { repositoryField } from './payload-fields.ts';
import { readPayload } from './read-payload.ts';
import { readRepoInfo } from './read-repo-info.ts';
import type { NormalizedDelivery } from './types.ts';

const propertyValues = z.looseObject({
  repository: repositoryField,
  new_property_values: z.array(
    z.looseObject({
      property_name: z.string().min(1),
      value: z.union([z.string(), z.array(z.string())]).nullable(),
    }),
  ),
});

/**
 * `custom_property_values` updated: a repository's custom properties changed
 * (its `repository` object may still show the old ones). Gives a repo-info
 * fact with the new values of `new_property_values` (docs/kpis.md, "Facts and where they come from" "repo info"),
 * so the repository's segment follows. A removed value (null or empty) says
 * nothing, as everywhere in repo info. Its time is the one the delivery's
 * own repo-info gets (delivery time, else `repository.updated_at`); its
 * origin sorts after that fact's, so on a tie the new values win.
 */
export function normalizeCustomPropertyValues({ delivery, at }: EventContext): NormalizedDelivery {
  const payload = readPayload({ delivery, schema: propertyValues });
  const values = payload.new_property_values.filter(
    (entry): entry is { property_name: string; value: string | string[] } =>
      entry.value !== null && entry.value.length > 0,
  );
  if (values.length === 0) {
    return { kind: 'ignored', reason: 'custom_property_values: only removed values, and a removal says nothing' };
  }
  return {
    kind: 'facts',
    facts: [
      {
        type: 'repo-info',
        repo: payload.repository.full_name,
        origin: `${delivery.id}:custom-properties`,
        topics: null,
        customProperties: Object.fromEntries(values.map((entry) => [entry.property_name, entry.value])),
        observedAt: at ?? readRepoInfo({ delivery, at })?.observedAt ?? null,
      },
    ],
  };
}
