import type { Fact } from '../src/events/index.ts';
import { createBackfillProgress } from './create-backfill-progress.ts';
import { MINUTE, SECOND } from './durations.ts';
import { processDelivery } from './process-delivery.ts';
import { publishRepoVerdicts } from './publish-repo-verdicts.ts';
import { requestRedeliveries } from './request-redeliveries.ts';
import { retryDelay } from './retry-delay.ts';
import { runBackfill } from './run-backfill.ts';
import type { AppDeps } from './types.ts';

export interface WorkerTiming {
  /** How often an idle worker looks for work (a new delivery wakes it at once). */
  pollInterval: number;
  /** How often the redelivery scan runs (one replica at a time); 0 turns it off. */
  redeliveryInterval: number;
}

export const DEFAULT_TIMING: WorkerTiming = { pollInterval: SECOND, redeliveryInterval: 10 * MINUTE };

/**
 * Longest a claim holds before another replica may take the work over (on
 * PostgreSQL, the longest a crashed replica's claims wait). Work committed
 * after its lease ran out is refused, so a slow worker never double-processes.
 */
const LEASE = 2 * MINUTE;

/**
 * Most deliveries claimed and committed together. Arriving deliveries are
 * stored by the same connection (SQLite) or thread (PostgreSQL) and wait
 * while a batch is parsed and committed: 50 keeps that to a few milliseconds
 * (measured on PostgreSQL against 200: p99 at 500/s 43 -> 21 ms, the
 * backlog drained ~6 % slower).
 */
const BATCH = 50;
/** How long the worker lets new deliveries gather before claiming them. */
const SETTLE = 15;
/**
 * Answering webhooks comes first: while deliveries keep arriving and a
 * backlog of at least BACKLOG has built up, processing takes at most this
 * share of the time (a burst is acknowledged at full speed and processed as
 * it eases; GitHub gives up on an answer after 10 s, processing has no such
 * limit).
 */
const BUSY_SHARE = 0.1;
const BACKLOG = 40;

export interface Worker {
  /** Look for work now (a delivery was just stored). */
  wake(): void;
  /** Finishes the current step and stops. */
  stop(): Promise<void>;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The App's background loop, one per replica, everything driven by database
 * state so it survives restarts and shares work between replicas: process
 * stored deliveries (crash recovery: whatever was stored and not processed is
 * claimed at start), fire window-close timers, re-evaluate and publish dirty
 * repositories, run backfills, and scan for deliveries to redeliver. Failed
 * work keeps its error (logged, and in the store) and is retried with backoff.
 */
export function startWorker({
  deps,
  timing = DEFAULT_TIMING,
  arrived = () => 0,
}: {
  deps: AppDeps;
  timing?: WorkerTiming;
  /** How many deliveries the webhook path has stored so far (on this thread). */
  arrived?: () => number;
}): Worker {
  const { store, log, clock, worker } = deps;
  const progress = createBackfillProgress({ log, clock, store });
  let stopped = false;
  let nextRedeliveryScan = 0;

  let fullBatch = false;
  let claimed = 0;
  const deliveries = async (): Promise<boolean> => {
    const batch = await store.claimDeliveries({ worker, now: clock(), lease: LEASE, limit: BATCH });
    claimed = batch.length;
    fullBatch = batch.length === BATCH;
    const done: { id: string; facts: Fact[] }[] = [];
    const knownRepos = new Set<string>();
    for (const stored of batch) {
      // back to the event loop between deliveries: messages (deliveries to store) and requests go first
      await new Promise((resolve) => setImmediate(resolve));
      try {
        done.push({ id: stored.delivery.id, facts: await processDelivery({ deps, stored, knownRepos }) });
      } catch (error) {
        const now = clock();
        const retryAt = now + retryDelay({ attempts: stored.attempts });
        const message = describe(error);
        log.error(
          {
            delivery: stored.delivery.id,
            event: stored.delivery.name,
            attempts: stored.attempts,
            retryAt: new Date(retryAt).toISOString(),
          },
          `delivery failed: ${message}`,
        );
        await store.failDelivery({ id: stored.delivery.id, worker, error: message, now, retryAt });
      }
    }
    if (done.length > 0) await store.completeDeliveries({ worker, now: clock(), deliveries: done });
    return batch.length > 0;
  };

  const repos = async (): Promise<boolean> => {
    await store.fireTimers({ now: clock() });
    const claimed = await store.claimDirtyRepos({ worker, now: clock(), lease: LEASE, limit: 10 });
    for (const record of claimed) {
      try {
        await publishRepoVerdicts({ deps, record });
        await store.releaseRepo({ repo: record.repo, worker, dirtyVersion: record.dirtyVersion });
      } catch (error) {
        const retryAt = clock() + retryDelay({ attempts: 3 });
        log.error({ repo: record.repo }, `re-evaluating failed: ${describe(error)}`);
        await store.releaseRepo({ repo: record.repo, worker, dirtyVersion: record.dirtyVersion, retryAt });
      }
    }
    return claimed.length === 10;
  };

  const backfills = async (): Promise<boolean> => {
    const [job] = await store.claimBackfills({ worker, now: clock(), lease: LEASE, limit: 1 });
    if (!job) return false;
    try {
      await runBackfill({ deps, job, progress });
    } catch (error) {
      const now = clock();
      log.error({ repo: job.repo, attempts: job.attempts }, `backfill failed: ${describe(error)}`);
      await store.failBackfill({
        repo: job.repo,
        worker,
        error: describe(error),
        now,
        retryAt: now + retryDelay({ attempts: job.attempts }),
      });
    }
    return true;
  };

  const redeliveries = async (): Promise<void> => {
    if (timing.redeliveryInterval <= 0 || clock() < nextRedeliveryScan) return;
    nextRedeliveryScan = clock() + timing.redeliveryInterval;
    if (
      !(await store.takeLease({
        name: 'redelivery-scan',
        holder: worker,
        now: clock(),
        ttl: timing.redeliveryInterval,
      }))
    )
      return;
    try {
      await requestRedeliveries({ deps });
    } catch (error) {
      log.error(`redelivery scan failed: ${describe(error)}`);
    }
  };

  /**
   * One lane of work: runs `step` again at once while it finds work (a full
   * batch), otherwise after `settle` ms when woken or `idle` ms when not. Lanes
   * run side by side, so a slow GitHub (a backfill, a publication, the
   * redelivery scan) never holds up storing facts from deliveries.
   */
  const lane = (name: string, step: () => Promise<boolean>, idle: number, settle = 0) => {
    let wakeUp: (() => void) | null = null;
    let woken = false;
    const done = (async () => {
      while (!stopped) {
        let again = false;
        try {
          again = await step();
        } catch (error) {
          log.error(`worker ${name} step failed: ${describe(error)}`);
        }
        if (stopped) break;
        if (again) continue;
        if (!woken) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, idle);
            wakeUp = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wakeUp = null;
        }
        woken = false;
        // let work arriving together gather into one batch (one transaction)
        if (settle > 0 && !stopped) await new Promise((resolve) => setTimeout(resolve, settle));
      }
    })();
    return {
      wake() {
        woken = true;
        wakeUp?.();
      },
      done,
    };
  };

  const lanes = {
    deliveries: lane(
      'deliveries',
      async () => {
        const before = arrived();
        const started = performance.now();
        const found = await deliveries();
        if (found) lanes.repos.wake();
        if (claimed >= BACKLOG && arrived() !== before && !stopped) {
          // wall time, not this thread's CPU: on PostgreSQL most of processing's work is the
          // database server's (measured: counting the thread's CPU alone let processing take
          // ~10 points of the acknowledgement rate where the server shares the machine)
          const spent = performance.now() - started;
          await new Promise((resolve) =>
            setTimeout(resolve, Math.min((spent * (1 - BUSY_SHARE)) / BUSY_SHARE, SECOND)),
          );
        }
        return fullBatch;
      },
      timing.pollInterval,
      SETTLE,
    ),
    repos: lane('repos', repos, timing.pollInterval, SETTLE),
    backfills: lane('backfills', backfills, timing.pollInterval),
    redeliveries: lane(
      'redeliveries',
      async () => {
        await redeliveries();
        return false;
      },
      Math.max(timing.pollInterval, Math.min(timing.redeliveryInterval, MINUTE)),
    ),
  };

  return {
    wake() {
      lanes.deliveries.wake();
    },
    async stop() {
      stopped = true;
      for (const l of Object.values(lanes)) l.wake();
      await Promise.all(Object.values(lanes).map((l) => l.done));
    },
  };
}
