import { type Instant, readInstant } from '../time/index.ts';
import { DeliveryError } from './delivery-error.ts';
import { describeFound } from './describe-found.ts';
import { EXPECTED_TIME } from './payload-fields.ts';
import type { WebhookDelivery } from './types.ts';

/** When GitHub delivered it (`at`), or null when the record does not say. */
export function deliveryTime(delivery: Pick<WebhookDelivery, 'id' | 'at'>): Instant | null {
  const { at } = delivery;
  if (at === undefined || at === null) return null;
  const reading = typeof at === 'string' ? readInstant(at) : null;
  if (reading?.ok) return reading.instant;
  throw new DeliveryError(delivery.id, [
    {
      path: 'at',
      expected: EXPECTED_TIME,
      found: describeFound(at),
      ...(reading?.problem === 'calendar' ? { message: reading.message } : {}),
    },
  ]);
}
