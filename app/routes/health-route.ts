import type { Store } from '../../src/store/index.ts';
import { sendJson } from './send-json.ts';
import type { Route } from './types.ts';

/**
 * `GET /healthz`: 200 with the database and queue state when the database
 * answers (oldest pending delivery, newest processed one, each with its age
 * in seconds), 503 otherwise. Open to all (load balancers): it shows counts
 * only, never the database's error text (the App's log has it).
 */
export function healthRoute({
  store,
  clock,
}: {
  store: Pick<Store, 'health' | 'dialect'>;
  clock: () => number;
}): Route {
  return {
    method: 'GET',
    path: '/healthz',
    protected: false,
    async handle({ response }) {
      const now = clock();
      try {
        const queue = await store.health();
        sendJson({
          response,
          status: 200,
          body: {
            status: queue.failed > 0 ? 'degraded' : 'ok',
            database: { kind: store.dialect, ok: true },
            queue: {
              ...queue,
              oldestPendingAt: queue.oldestPendingAt === null ? null : new Date(queue.oldestPendingAt).toISOString(),
              oldestPendingSeconds:
                queue.oldestPendingAt === null ? null : Math.max(0, (now - queue.oldestPendingAt) / 1000),
              lastProcessedAt: queue.lastProcessedAt === null ? null : new Date(queue.lastProcessedAt).toISOString(),
              lastProcessedSeconds:
                queue.lastProcessedAt === null ? null : Math.max(0, (now - queue.lastProcessedAt) / 1000),
            },
          },
        });
      } catch {
        // no error text: this route is open to anyone, and a driver's message may name hosts and users
        sendJson({
          response,
          status: 503,
          body: { status: 'down', database: { kind: store.dialect, ok: false } },
        });
      }
    },
  };
}
