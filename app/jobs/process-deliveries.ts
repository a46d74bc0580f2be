import { type DeliveryTarget, type Fact, locateDelivery, normalizeDelivery } from '../../src/events/index.ts';
import type { Store, StoredDelivery, StoreSlice } from '../../src/store/index.ts';
import { MINUTE } from '../durations.ts';
import type { JobHelpers } from '../types.ts';
import { defineJob, type Job } from './define-job.ts';
import { followConfigPush } from './follow-config-push.ts';
import { followInstallation } from './follow-installation.ts';

/**
 * Longest a claim holds before another replica may take the work over (on
 * PostgreSQL, the longest a crashed replica's claims wait). Work committed
 * after its lease ran out is refused, so a slow worker never double-processes.
 */
const LEASE = 2 * MINUTE;

/** Most deliveries moved from the inbox file into the queue before a claim (docs/architecture.md, "The inbox file"). */
const ADMIT = 200;

/** The slice of the store processing deliveries uses. */
export type ProcessingStore = StoreSlice<'deliveries' | 'facts' | 'repos' | 'backfills' | 'configs' | 'evaluations'> &
  Pick<Store, 'admit'>;

/**
 * How a delivery is processed (docs/app.md, "What happens to a delivery"):
 * a batch of stored deliveries is claimed, each is parsed, located and
 * normalized into facts (the core), installation and config events are
 * followed; then, in one transaction, the batch's processed marks, its facts
 * and the evaluation requests of the repositories they touch commit together
 * (refused for any delivery this worker no longer holds). Each step is
 * idempotent, so a crash anywhere is recovered by processing again; a
 * delivery that fails keeps its error and is retried with backoff.
 */
export function processDeliveries({
  store,
  helpers,
  onEvaluationRequested,
  giveWay,
}: {
  store: ProcessingStore;
  helpers: JobHelpers;
  /** Called once repositories were asked for evaluation (wakes that job). */
  onEvaluationRequested: () => void;
  /** Awaited between deliveries: holds back while the door is slow (threads/give-way.ts). */
  giveWay?: () => Promise<void>;
}): Job<StoredDelivery> {
  const { clock, worker } = helpers;
  return defineJob({
    name: 'process-deliveries',
    // 50 a batch keeps each commit to a few milliseconds while deliveries keep arriving
    schedule: { batch: 50, idle: 1000, settle: 15 },
    async claim(limit) {
      // what the door landed in the inbox file joins the queue first (SQLite; nothing elsewhere);
      // a delivery the queue refuses stays there, to be tried again, and does not hold the queue
      try {
        await store.admit({ limit: ADMIT });
      } catch (error) {
        helpers.log.warn(
          `a delivery of the inbox file could not join the queue (${(error as Error).message}); it is tried again`,
        );
      }
      return store.deliveries.claim({ worker, now: clock(), lease: LEASE, limit });
    },
    async perform(batch) {
      const done: Processed[] = [];
      const failures: { item: StoredDelivery; error: string }[] = [];
      const requested = new Set<string>();
      for (const stored of batch) {
        // back to the event loop between deliveries, and give way to the door while it is slow
        await new Promise((resolve) => setImmediate(resolve));
        await giveWay?.();
        const location = locateDelivery(stored.delivery.payload);
        try {
          if (stored.unreadable !== undefined) throw new Error(stored.unreadable);
          const facts = normalizeDelivery(stored.delivery).facts ?? [];
          await followInstallation({ store, helpers, delivery: stored.delivery });
          for (const repo of await followConfigPush({ store, helpers, delivery: stored.delivery })) requested.add(repo);
          done.push({ stored, facts, location });
        } catch (error) {
          failures.push({ item: { ...stored, location }, error: (error as Error).message });
        }
      }
      if (done.length === 0 && requested.size === 0) return failures;
      try {
        await commit({ store, helpers, done, requested });
      } catch (error) {
        // one bad delivery must not hold the others (docs/security.md, "One bad delivery holding
        // the others"): commit one at a time, and the one that still cannot be stored fails alone
        helpers.log.warn(
          `committing ${done.length} deliveries together failed (${(error as Error).message}); one at a time`,
        );
        for (const one of done) {
          try {
            await commit({ store, helpers, done: [one], requested });
          } catch (own) {
            failures.push({
              item: { ...one.stored, location: one.location },
              error: `storing its facts failed: ${(own as Error).message}`,
            });
          }
        }
      }
      onEvaluationRequested();
      return failures;
    },
    fail: ({ item, error, retryAt }) =>
      store.deliveries.fail({ id: item.delivery.id, worker, error, location: item.location, now: clock(), retryAt }),
    attempts: (item) => item.attempts,
    describe: (item) => ({ delivery: item.delivery.id, event: item.delivery.name, attempts: item.attempts }),
  });
}

interface Processed {
  stored: StoredDelivery;
  facts: Fact[];
  location: DeliveryTarget;
}

/**
 * One transaction: the processed marks of the deliveries this worker still
 * holds, their facts, their repositories registered with their
 * installation, and the evaluation requests of every repository touched.
 */
async function commit({
  store,
  helpers,
  done,
  requested,
}: {
  store: ProcessingStore;
  helpers: Pick<JobHelpers, 'clock' | 'worker'>;
  done: readonly Processed[];
  /** Repositories to evaluate beside those the facts are about (a config change's). */
  requested: ReadonlySet<string>;
}): Promise<void> {
  await store.transaction(async (tx) => {
    const now = helpers.clock();
    const marked = await tx.deliveries.complete({
      worker: helpers.worker,
      now,
      deliveries: done.map(({ stored, location }) => ({ id: stored.delivery.id, location })),
    });
    const facts: Fact[] = [];
    const repos = new Set(requested);
    const located: { repo: string; installationId: number }[] = [];
    for (const { stored, facts: own, location } of done) {
      if (!marked.has(stored.delivery.id)) continue;
      facts.push(...own);
      for (const fact of own) repos.add(fact.repo);
      const { repo, installationId } = location;
      if (repo !== null && installationId !== null) located.push({ repo, installationId });
    }
    await tx.facts.write({ facts });
    // the repositories' rows last: the evaluation job's claims and releases wait on them until commit
    await tx.repos.register({ repos: located, now });
    await tx.evaluations.request({ repos: [...repos], now });
  });
}
