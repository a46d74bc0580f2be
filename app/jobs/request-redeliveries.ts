import { z } from 'zod';
import type { StoreSlices } from '../../src/store/index.ts';
import { DAY, HOUR, MINUTE } from '../durations.ts';
import type { JobHelpers } from '../types.ts';
import type { PeriodicJob } from './define-job.ts';

/** GitHub keeps deliveries for redelivery this long. */
export const REDELIVERY_WINDOW = 3 * DAY;

const hookDelivery = z.looseObject({
  id: z.number(),
  guid: z.string().min(1),
  delivered_at: z.string(),
  status_code: z.number(),
});

/**
 * GitHub never redelivers by itself: lists the App's deliveries of the last
 * three days (`GET /app/hook/deliveries`, newest first, with the App's JWT)
 * and asks for redelivery (`POST /app/hook/deliveries/{id}/attempts`) of each
 * one that never got a 2xx and that the store does not have. Each is asked for
 * again an hour after the last request — or as soon as GitHub's log shows an
 * attempt that failed after it (the redelivery asked for failed too: the App
 * was down or its database away), but not within a minute of it (clocks
 * differ). Returns the delivery ids (guids) asked for.
 */
export async function requestRedeliveries({
  store,
  helpers,
}: {
  store: Pick<StoreSlices, 'redeliveries'>;
  helpers: Pick<JobHelpers, 'github' | 'clock' | 'log'>;
}): Promise<string[]> {
  const octokit = await helpers.github.app();
  const now = helpers.clock();
  const since = now - REDELIVERY_WINDOW;
  /** Per delivery: the newest failed attempt (the list is newest first). */
  const failed = new Map<string, { id: number; at: number }>();
  const succeeded = new Set<string>();
  for await (const page of octokit.paginate.iterator('GET /app/hook/deliveries', { per_page: 100 })) {
    let reachedEnd = false;
    for (const item of z.array(hookDelivery).parse(page.data)) {
      const at = Date.parse(item.delivered_at);
      if (!(at >= since)) {
        reachedEnd = true;
        continue;
      }
      if (item.status_code >= 200 && item.status_code < 300) succeeded.add(item.guid);
      else if (!failed.has(item.guid)) failed.set(item.guid, { id: item.id, at });
    }
    if (reachedEnd) break;
  }
  const candidates = [...failed.keys()].filter((guid) => !succeeded.has(guid));
  const stored = await store.redeliveries.storedIds({ ids: candidates });
  const asked: string[] = [];
  for (const guid of candidates) {
    if (stored.has(guid)) continue;
    const { id: hookDeliveryId, at } = failed.get(guid)!;
    // asked before `at`: that request's redelivery is the attempt that failed
    const askAgainAfter = Math.min(HOUR, Math.max(now - at + 1, MINUTE));
    if (!(await store.redeliveries.record({ deliveryId: guid, hookDeliveryId, now, askAgainAfter }))) continue;
    await octokit.request('POST /app/hook/deliveries/{delivery_id}/attempts', { delivery_id: hookDeliveryId });
    asked.push(guid);
  }
  if (asked.length > 0) helpers.log.info({ count: asked.length }, 'asked GitHub to redeliver failed deliveries');
  return asked;
}

/**
 * The redelivery scan as a job: every `every` ms (and at start), by one
 * replica at a time (the `redelivery-scan` lease lasts one interval).
 */
export function redeliveryScan({
  store,
  helpers,
  every,
}: {
  store: Pick<StoreSlices, 'redeliveries' | 'leases'>;
  helpers: JobHelpers;
  every: number;
}): PeriodicJob {
  return {
    name: 'request-redeliveries',
    every,
    async run() {
      const now = helpers.clock();
      if (!(await store.leases.take({ name: 'redelivery-scan', holder: helpers.worker, now, ttl: every }))) return;
      await requestRedeliveries({ store, helpers });
    },
  };
}
