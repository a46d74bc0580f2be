import type { Store } from '../../src/store/index.ts';
import { readQuery } from './read-query.ts';
import { sendJson } from './send-json.ts';
import type { Route } from './types.ts';

const PAGE = 500;

/**
 * One export line: the stored payload text as received (its line breaks,
 * which valid JSON has only as whitespace, become spaces), never parsed and
 * stringified again — a payload nested too deep to stringify fails nothing.
 * A payload that is not JSON is exported as null, as the worker reads it.
 */
function exportLine(row: Awaited<ReturnType<Store['exportDeliveries']>>[number]): string {
  let payload = 'null';
  try {
    JSON.parse(row.payloadText); // validity only: JSON.parse is not recursive, stringify is
    payload = row.payloadText.replace(/[\r\n]+/g, ' ');
  } catch {
    // not JSON: the worker marked (or will mark) it failed; null keeps the line valid
  }
  const at = row.at === null ? '' : `,"at":${JSON.stringify(row.at)}`;
  return `{"id":${JSON.stringify(row.id)},"name":${JSON.stringify(row.name)},"payload":${payload}${at}}\n`;
}

/**
 * `GET /shipwell/api/deliveries.jsonl?org=…`: every stored delivery of the
 * org, oldest first, one `{"id","name","payload","at"}` a line — the CLI's
 * `--deliveries` format, for audits and offline replay. Streamed page by
 * page, each payload as the text GitHub sent.
 */
export function deliveriesJsonlRoute({ store }: { store: Store }): Route {
  return {
    method: 'GET',
    path: '/shipwell/api/deliveries.jsonl',
    protected: true,
    async handle({ response, query: params }) {
      const read = readQuery({ params, required: ['org'] });
      if (!read.ok) return sendJson({ response, status: 400, body: { error: read.error } });
      const org = read.query.org!;
      response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
      let after: { receivedAt: number; id: string } | undefined;
      for (;;) {
        const page = await store.exportDeliveries({ org, limit: PAGE, ...(after ? { after } : {}) });
        const text = page.map(exportLine).join('');
        if (text.length > 0 && !response.write(text)) {
          await new Promise<void>((resolve) => response.once('drain', () => resolve()));
        }
        const last = page.at(-1);
        if (!last || page.length < PAGE) break;
        after = { receivedAt: last.receivedAt, id: last.id };
      }
      response.end();
    },
  };
}
