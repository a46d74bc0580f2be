import type { Instant } from '../time/index.ts';
import type { WebhookDelivery } from './types.ts';

/** What each event's normalizer is given: the delivery and its delivery time. */
export interface EventContext {
  delivery: WebhookDelivery;
  /** The delivery's `at`, parsed; null when the record has none. */
  at: Instant | null;
}
