import { DeliveryError } from './delivery-error.ts';
import { describeFound } from './describe-found.ts';

/**
 * For a field that only some deliveries of an event need (a fallback chain,
 * a field read for one action): returns the value, or throws a DeliveryError
 * at `path` when it is null or absent.
 */
export function requireField<T>({
  deliveryId,
  path,
  value,
  expected,
}: {
  deliveryId: string;
  path: string;
  value: T | null | undefined;
  expected: string;
}): T {
  if (value !== null && value !== undefined) return value;
  throw new DeliveryError(deliveryId, [{ path, expected, found: describeFound(value) }]);
}
