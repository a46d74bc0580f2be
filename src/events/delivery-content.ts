import { canonicalJson } from './canonical-json.ts';
import type { WebhookDelivery } from './types.ts';

/**
 * What one delivery id says: its event name and payload as canonical JSON.
 * Two records of one id with the same content are one delivery seen twice
 * (a redelivery); different contents are a conflict, settled by
 * chooseDeliveryContent.
 */
export function deliveryContent(delivery: Pick<WebhookDelivery, 'name' | 'payload'>): string {
  return canonicalJson({ name: delivery.name, payload: delivery.payload });
}
