import type { Store, StoredDelivery } from '../../src/store/index.ts';
import { readQuery } from './read-query.ts';
import { sendJson } from './send-json.ts';
import type { Route } from './types.ts';

const PAGE = 500;

/**
 * `GET /shipwell/api/deliveries.jsonl?org=…`: every stored delivery of the
 * org, oldest first, one `{"id","name","payload","at"}` a line — the CLI's
 * `--deliveries` format, for audits and offline replay. Streamed page by page.
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
        const page: StoredDelivery[] = await store.listDeliveries({ org, limit: PAGE, ...(after ? { after } : {}) });
        const lines = page.map(
          ({ delivery }) =>
            `${JSON.stringify({ id: delivery.id, name: delivery.name, payload: delivery.payload, ...(delivery.at ? { at: delivery.at } : {}) })}\n`,
        );
        if (lines.length > 0 && !response.write(lines.join(''))) {
          await new Promise<void>((resolve) => response.once('drain', () => resolve()));
        }
        const last = page.at(-1);
        if (!last || page.length < PAGE) break;
        after = { receivedAt: last.receivedAt, id: last.delivery.id };
      }
      response.end();
    },
  };
}
