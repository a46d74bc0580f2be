import { normalizeDelivery } from '../../events/index.ts';
import type { Fact } from '../../events/types.ts';
import { formatInstant, type Instant } from '../../time/index.ts';

/**
 * The facts a webhook delivery with this payload would give: REST objects are
 * wrapped as the payload of the event that carries them and go through the
 * same normalizer, so the core cannot tell API facts from webhook ones. The
 * repo-info fact every delivery carries is dropped (the collector reads the
 * repository once). `id` is a synthetic origin such as `api:release:42`.
 */
export function factsFromPayload({
  id,
  name,
  payload,
  at,
}: {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  at?: Instant | null;
}): Fact[] {
  const normalized = normalizeDelivery({
    id,
    name,
    payload,
    ...(at === null || at === undefined ? {} : { at: formatInstant(at) }),
  });
  return (normalized.facts ?? []).filter((fact) => fact.type !== 'repo-info');
}
