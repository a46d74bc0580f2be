import { normalizeDelivery } from './index.ts';
import type { Fact, WebhookDelivery } from './types.ts';

export interface IngestResult {
  facts: Fact[];
  /** Deliveries that say nothing Shipwell reads, with why. */
  ignored: { id: string; name: string; reason: string }[];
  /** Delivery ids seen more than once (read once, kpis.md §1). */
  duplicates: number;
}

/**
 * Normalizes deliveries into facts, reading each delivery id once. Throws the
 * normalizer's DeliveryError (delivery id and field path) for a payload that
 * lacks a field we need.
 */
export function ingestDeliveries(deliveries: Iterable<WebhookDelivery>): IngestResult {
  const seen = new Set<string>();
  const result: IngestResult = { facts: [], ignored: [], duplicates: 0 };
  for (const delivery of deliveries) {
    if (seen.has(delivery.id)) {
      result.duplicates++;
      continue;
    }
    seen.add(delivery.id);
    const normalized = normalizeDelivery(delivery);
    for (const fact of normalized.facts ?? []) result.facts.push(fact);
    if (normalized.kind === 'ignored') {
      result.ignored.push({ id: delivery.id, name: delivery.name, reason: normalized.reason });
    }
  }
  return result;
}
