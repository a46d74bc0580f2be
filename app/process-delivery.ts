import { type Fact, normalizeDelivery } from '../src/events/index.ts';
import type { StoredDelivery } from '../src/store/index.ts';
import { followConfigPush } from './follow-config-push.ts';
import { followInstallation } from './follow-installation.ts';
import type { AppDeps } from './types.ts';

/**
 * Processes one claimed delivery up to its commit: normalizes it (the core)
 * and follows what it says about installations and config. Returns its facts;
 * the worker commits them with the delivery's processed mark in one
 * transaction (refused when the worker lost its claim). Everything here is
 * idempotent, so a crash anywhere is recovered by processing the delivery
 * again. Throws on failure (the worker keeps the error and retries).
 */
export async function processDelivery({
  deps,
  stored,
  knownRepos = new Set(),
}: {
  deps: AppDeps;
  stored: StoredDelivery;
  /** `repo:installation` pairs already registered in this batch (registered once, not per delivery). */
  knownRepos?: Set<string>;
}): Promise<Fact[]> {
  const { delivery } = stored;
  if (stored.unreadable !== undefined) throw new Error(stored.unreadable);
  const facts = normalizeDelivery(delivery).facts ?? [];
  const known = `${stored.repo}:${stored.installationId}`;
  if (stored.repo !== null && stored.installationId !== null && !knownRepos.has(known)) {
    await deps.store.upsertRepo({ repo: stored.repo, installationId: stored.installationId, now: deps.clock() });
    knownRepos.add(known);
  }
  await followInstallation({ deps, stored });
  await followConfigPush({ deps, stored });
  return facts;
}
