import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { type DeliveryRecord, landingPathOf, type Store } from '../../src/store/index.ts';

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

/** How many deliveries wait in the inbox file of the SQLite database `file` (0 without one). */
export function countLanded(file: string): number {
  const path = landingPathOf(file);
  if (!existsSync(path)) return 0;
  const landing = new DatabaseSync(path);
  try {
    return Number((landing.prepare('SELECT COUNT(*) AS n FROM landed').get() as { n: number }).n);
  } finally {
    landing.close();
  }
}
