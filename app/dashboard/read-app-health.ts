import type { AppHealth } from '../../src/metrics/index.ts';
import type { Store } from '../../src/store/index.ts';

/**
 * The App's health for `/metrics`, from the store's queue counts: queue depth
 * (deliveries not yet processed, failed ones waiting for a retry included),
 * failed deliveries, and the age of the newest processed delivery, from
 * `lastProcessedAt` (when the worker last completed one; null: never).
 */
export async function readAppHealth({
  store,
  now,
  lastProcessedAt,
}: {
  store: Store;
  now: number;
  lastProcessedAt: number | null;
}): Promise<AppHealth> {
  const queue = await store.health({ now });
  return {
    queueDepth: queue.pending + queue.failed,
    failedDeliveries: queue.failed,
    lastProcessedDeliveryAgeSeconds: lastProcessedAt === null ? null : Math.max(0, (now - lastProcessedAt) / 1000),
  };
}
