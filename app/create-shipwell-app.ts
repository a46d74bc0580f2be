import type { ApplicationFunction } from 'probot';
import type { Store } from '../src/store/index.ts';

function installationIdOf(payload: unknown): number | null {
  const installation = (payload as { installation?: { id?: unknown } } | null)?.installation;
  return typeof installation?.id === 'number' ? installation.id : null;
}

/**
 * The Probot app: every delivery whose signature Probot verified is stored
 * (id = X-GitHub-Delivery, `at` = when it was received) before Probot answers
 * 2xx; processing happens afterwards in the worker (`onStored` wakes it). A
 * redelivery of a stored id changes nothing. If storing fails, Probot answers
 * 500 and the redelivery scan asks GitHub for it again.
 */
export function createShipwellApp({
  store,
  clock,
  onStored,
}: {
  store: Store;
  clock: () => number;
  onStored: () => void;
}): ApplicationFunction {
  return (app) => {
    app.onAny(async (context) => {
      const receivedAt = clock();
      const stored = await store.recordDelivery({
        delivery: {
          id: context.id,
          name: context.name,
          payload: context.payload,
          at: new Date(receivedAt).toISOString(),
        },
        receivedAt,
        installationId: installationIdOf(context.payload),
      });
      if (stored) onStored();
    });
  };
}
