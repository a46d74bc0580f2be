import type { AppHealth } from '../../src/metrics/index.ts';
import type { Store } from '../../src/store/index.ts';

/**
 * The App's health for `/metrics`, from the store's queue health: queue depth
 * (deliveries not yet processed, failed ones waiting for a retry included),
 * failed deliveries, and the age of the newest processed delivery (from the
 * store's `lastProcessedAt`, so every replica and the worker thread agree;
 * null: none processed yet).
 */
export async function readAppHealth({ store, now }: { store: Pick<Store, 'health'>; now: number }): Promise<AppHealth> {
  const queue = await store.health();
  return {
    queueDepth: queue.pending + queue.failed,
    failedDeliveries: queue.failed,
    lastProcessedDeliveryAgeSeconds:
      queue.lastProcessedAt === null ? null : Math.max(0, (now - queue.lastProcessedAt) / 1000),
  };
}
