import type { z } from 'zod';
import { DeliveryError } from './delivery-error.ts';
import { describeIssue } from './describe-issue.ts';
import type { WebhookDelivery } from './types.ts';

/**
 * Validates the payload fields one event reads (schemas are loose: the many
 * other fields pass untouched) and returns them parsed. Every mismatch is
 * reported at once in one DeliveryError naming the delivery and the paths.
 */
export function readPayload<S extends z.ZodType>({
  delivery,
  schema,
}: {
  delivery: Pick<WebhookDelivery, 'id' | 'payload'>;
  schema: S;
}): z.output<S> {
  const result = schema.safeParse(delivery.payload, { reportInput: true });
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues.map(describeIssue);
  if (first === undefined)
    throw new DeliveryError(delivery.id, [{ path: 'payload', expected: 'a payload', found: 'an invalid one' }]);
  throw new DeliveryError(delivery.id, [first, ...rest]);
}
