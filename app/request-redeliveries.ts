import { z } from 'zod';
import { DAY, HOUR, MINUTE } from './durations.ts';
import type { AppDeps } from './types.ts';

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
export async function requestRedeliveries({ deps }: { deps: AppDeps }): Promise<string[]> {
  const octokit = await deps.github.app();
  const now = deps.clock();
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
  const stored = await deps.store.storedDeliveryIds({ ids: candidates });
  const asked: string[] = [];
  for (const guid of candidates) {
    if (stored.has(guid)) continue;
    const { id: hookDeliveryId, at } = failed.get(guid)!;
    // asked before `at`: that request's redelivery is the attempt that failed
    const askAgainAfter = Math.min(HOUR, Math.max(now - at + 1, MINUTE));
    if (!(await deps.store.recordRedelivery({ deliveryId: guid, hookDeliveryId, now, askAgainAfter }))) continue;
    await octokit.request('POST /app/hook/deliveries/{delivery_id}/attempts', { delivery_id: hookDeliveryId });
    asked.push(guid);
  }
  if (asked.length > 0) deps.log.info({ count: asked.length }, 'asked GitHub to redeliver failed deliveries');
  return asked;
}
