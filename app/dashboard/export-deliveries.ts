import type { DeliveryLog } from '../../src/store/index.ts';
import type { DeliveriesPage } from './report-source.ts';

/** The export line of a delivery: its payload text spliced in as received (never parsed and written again). */
function lineOf({ id, name, at, payloadText }: { id: string; name: string; at: string | null; payloadText: string }) {
  return `{"id":${JSON.stringify(id)},"name":${JSON.stringify(name)},"payload":${payloadText}${at === null ? '' : `,"at":${JSON.stringify(at)}`}}\n`;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * One page of `GET /shipwell/api/deliveries.jsonl`: the org's stored
 * deliveries, oldest first, in the CLI's `--deliveries` format. A delivery
 * whose processing failed because its payload cannot be read (not JSON, or
 * nested too deep for a parser) is left out, so one bad delivery never
 * breaks the export; it is listed with its error by `/shipwell/api/deliveries?status=failed`.
 */
export async function exportDeliveries({
  log,
  org,
  limit,
  after,
}: {
  log: Pick<DeliveryLog, 'export'>;
  org: string;
  limit: number;
  after: { receivedAt: number; id: string } | null;
}): Promise<DeliveriesPage> {
  const page = await log.export({ org, limit, ...(after ? { after } : {}) });
  let text = '';
  for (const { record, payloadText } of page) {
    if (record.status === 'failed' && !parses(payloadText)) continue;
    text += lineOf({ id: record.id, name: record.name, at: record.at, payloadText });
  }
  const last = page.at(-1)?.record;
  return { text, count: page.length, last: last ? { receivedAt: last.receivedAt, id: last.id } : null };
}
