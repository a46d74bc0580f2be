import { normalizeDelivery } from '../src/events/index.ts';
import type { StoredDelivery } from '../src/store/index.ts';
import { followConfigPush } from './follow-config-push.ts';
import { followInstallation } from './follow-installation.ts';
import { readCustomPropertyFacts } from './read-custom-property-facts.ts';
import type { AppDeps } from './types.ts';

/**
 * Processes one claimed delivery: normalizes it (the core), follows what it
 * says about installations and config, then commits its facts and marks it
 * processed in one transaction (refused when this worker lost its claim).
 * Everything before the commit is idempotent, so a crash anywhere is
 * recovered by processing the delivery again. Throws on failure (the caller
 * keeps the error and retries).
 */
export async function processDelivery({ deps, stored }: { deps: AppDeps; stored: StoredDelivery }): Promise<boolean> {
  const { delivery } = stored;
  const facts = [...(normalizeDelivery(delivery).facts ?? []), ...readCustomPropertyFacts(delivery)];
  if (stored.repo !== null && stored.installationId !== null) {
    await deps.store.upsertRepo({ repo: stored.repo, installationId: stored.installationId, now: deps.clock() });
  }
  await followInstallation({ deps, stored });
  await followConfigPush({ deps, stored });
  return deps.store.completeDelivery({ id: delivery.id, worker: deps.worker, facts, now: deps.clock() });
}
