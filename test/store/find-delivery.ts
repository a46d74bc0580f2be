import type { DeliveryRecord, Store } from '../../src/store/index.ts';

/** A delivery's queue record as `/shipwell/api/deliveries` lists it (undefined when not stored). */
export async function findDelivery(store: Pick<Store, 'log'>, id: string): Promise<DeliveryRecord | undefined> {
  let after: { receivedAt: number; id: string } | undefined;
  for (;;) {
    const page = await store.log.list({ limit: 1000, ...(after ? { after } : {}) });
    const found = page.find((d) => d.id === id);
    if (found) return found;
    const last = page.at(-1);
    if (!last || page.length < 1000) return undefined;
    after = { receivedAt: last.receivedAt, id: last.id };
  }
}

/**
 * Whether the App holds a delivery, in its queue or still in the inbox file
 * (docs/architecture.md, "The inbox file"): what the door stored before it
 * answered, admitted or not.
 */
export async function isStored(store: Pick<Store, 'redeliveries'>, id: string): Promise<boolean> {
  return (await store.redeliveries.storedIds({ ids: [id] })).has(id);
}
