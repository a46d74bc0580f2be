import { readInstant } from '../time/index.ts';
import { chooseDeliveryContent } from './choose-delivery-content.ts';
import { deliveryContent } from './delivery-content.ts';
import { DeliveryError } from './delivery-error.ts';
import { deliveryTime } from './delivery-time.ts';
import { describeDeliveryConflict } from './describe-delivery-conflict.ts';
import { normalizeDelivery } from './normalize-delivery.ts';
import type { Fact, WebhookDelivery } from './types.ts';

export interface IngestResult {
  facts: Fact[];
  /** Deliveries that say nothing Shipwell reads, with why. */
  ignored: { id: string; name: string; reason: string }[];
  /** Records beyond the first of each delivery id (each id is read once). */
  duplicates: number;
  /**
   * One sentence per delivery id recorded with different payloads, sorted
   * (the report's `warnings`); empty when there is none.
   */
  warnings: string[];
}

/** What to normalize at a record of a repeated id: the first record of each of its contents. */
interface PlannedRead {
  delivery: WebhookDelivery;
  /** The chosen content: its facts count. The others are only checked. */
  keep: boolean;
}

/** The earliest delivery time among records of one content (text of the earliest; ties: the least text). */
function earliestAt(records: readonly WebhookDelivery[]): string | undefined {
  let best: { text: string; instant: number } | undefined;
  for (const { at } of records) {
    if (typeof at !== 'string') continue;
    const reading = readInstant(at);
    if (!reading.ok) continue; // its own record reports it
    if (!best || reading.instant < best.instant || (reading.instant === best.instant && at < best.text)) {
      best = { text: at, instant: reading.instant };
    }
  }
  return best?.text;
}

/**
 * Plans how one repeated delivery id is read (docs/kpis.md, "One delivery
 * id, two payloads"): records with the same content are one delivery seen
 * again, at its earliest delivery time; among different contents the
 * greatest is read and the others are only checked, with a warning.
 */
function planRepeated({
  id,
  records,
  plans,
  warnings,
}: {
  id: string;
  records: readonly { delivery: WebhookDelivery; position: number }[];
  plans: Map<number, PlannedRead>;
  warnings: string[];
}): void {
  const groups = new Map<string, { delivery: WebhookDelivery; position: number }[]>();
  for (const record of records) {
    const content = deliveryContent(record.delivery);
    const group = groups.get(content);
    if (group) group.push(record);
    else groups.set(content, [record]);
  }
  const contents = [...groups.keys()];
  const chosen = contents[chooseDeliveryContent(contents)]!;
  for (const [content, group] of groups) {
    const first = group[0]!;
    if (content !== chosen) {
      plans.set(first.position, { delivery: first.delivery, keep: false });
      continue;
    }
    const { name, payload } = first.delivery;
    const at = earliestAt(group.map((record) => record.delivery));
    plans.set(first.position, {
      delivery: at === undefined ? { id, name, payload } : { id, name, payload, at },
      keep: true,
    });
  }
  if (groups.size === 1) return;
  warnings.push(
    describeDeliveryConflict({
      id,
      records: records.length,
      chosen: groups.get(chosen)![0]!.delivery,
      others: contents.filter((content) => content !== chosen).map((content) => groups.get(content)![0]!.delivery),
    }),
  );
}

/**
 * Normalizes deliveries into facts, reading each delivery id once, so that
 * the order of the records never changes what is read: a redelivery (same
 * name and payload) counts once at its earliest `at`; one id with different
 * payloads reads the greatest by content and adds a warning. Every record
 * is checked: a DeliveryError (delivery id, field path, and `position`, the
 * record's 0-based place in `deliveries`) is thrown for the first record, in
 * input order, that lacks a field we need or holds an impossible time.
 */
export function ingestDeliveries(deliveries: Iterable<WebhookDelivery>): IngestResult {
  const all = Array.isArray(deliveries) ? (deliveries as WebhookDelivery[]) : [...deliveries];
  // id → its position, or every position when it repeats (the common case allocates no array)
  const positions = new Map<string, number | number[]>();
  for (let i = 0; i < all.length; i++) {
    const { id } = all[i]!;
    const seen = positions.get(id);
    if (seen === undefined) positions.set(id, i);
    else if (typeof seen === 'number') positions.set(id, [seen, i]);
    else seen.push(i);
  }
  const result: IngestResult = { facts: [], ignored: [], duplicates: 0, warnings: [] };
  const plans = new Map<number, PlannedRead>();
  for (const [id, seen] of positions) {
    if (typeof seen === 'number') continue;
    result.duplicates += seen.length - 1;
    const records = seen.map((position) => ({ delivery: all[position]!, position }));
    planRepeated({ id, records, plans, warnings: result.warnings });
  }
  const read = ({ delivery, keep }: PlannedRead) => {
    const normalized = normalizeDelivery(delivery);
    if (!keep) return;
    for (const fact of normalized.facts ?? []) result.facts.push(fact);
    if (normalized.kind === 'ignored') {
      result.ignored.push({ id: delivery.id, name: delivery.name, reason: normalized.reason });
    }
  };
  for (let i = 0; i < all.length; i++) {
    const delivery = all[i]!;
    try {
      if (typeof positions.get(delivery.id) === 'number') {
        read({ delivery, keep: true });
        continue;
      }
      deliveryTime(delivery); // every record's own `at` must be a time
      const plan = plans.get(i);
      if (plan) read(plan);
    } catch (error) {
      throw error instanceof DeliveryError ? error.atPosition(i) : error;
    }
  }
  result.warnings.sort();
  return result;
}
