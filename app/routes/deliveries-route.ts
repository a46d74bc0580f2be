import type { DeliveryLog } from '../../src/store/index.ts';
import { readQuery } from './read-query.ts';
import { sendJson } from './send-json.ts';
import type { Route } from './types.ts';

/**
 * `GET /shipwell/api/deliveries[?status=failed][&org=…]`: the queue as JSON
 * (at most 1000, oldest first) without payloads — for failed deliveries, the
 * kept error, attempts and next retry.
 */
export function deliveriesRoute({ log }: { log: DeliveryLog }): Route {
  return {
    method: 'GET',
    path: '/shipwell/api/deliveries',
    protected: true,
    async handle({ response, query: params }) {
      const read = readQuery({ params });
      if (!read.ok) return sendJson({ response, status: 400, body: { error: read.error } });
      const { org, status } = read.query;
      const list = await log.list({ limit: 1000, ...(org ? { org } : {}), ...(status ? { status } : {}) });
      sendJson({
        response,
        status: 200,
        body: list.map((d) => ({
          id: d.id,
          name: d.name,
          repo: d.location.repo,
          org: d.location.org,
          status: d.status,
          receivedAt: new Date(d.receivedAt).toISOString(),
          attempts: d.attempts,
          lastError: d.lastError,
          nextAttemptAt: d.status === 'processed' ? null : new Date(d.nextAttemptAt).toISOString(),
          processedAt: d.processedAt === null ? null : new Date(d.processedAt).toISOString(),
        })),
      });
    },
  };
}
