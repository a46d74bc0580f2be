import type { Store } from '../../src/store/index.ts';
import { MINUTE, SECOND } from '../durations.ts';
import type { JobHelpers } from '../types.ts';
import { backfillRepos } from './backfill-repos.ts';
import { evaluateRepos } from './evaluate-repos.ts';
import { fireTimers } from './fire-timers.ts';
import { processDeliveries } from './process-deliveries.ts';
import { publishVerdicts } from './publish-verdicts.ts';
import { redeliveryScan } from './request-redeliveries.ts';
import { type JobRunner, runJobs } from './run-jobs.ts';

export interface WorkerTiming {
  /** How often an idle job looks for work (a new delivery wakes processing at once). */
  pollInterval: number;
  /** How often the redelivery scan runs (one replica at a time); 0 turns it off. */
  redeliveryInterval: number;
}

export const DEFAULT_TIMING: WorkerTiming = { pollInterval: SECOND, redeliveryInterval: 10 * MINUTE };

export interface Worker {
  /** Look for deliveries now (one was just stored). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * The App's background work, one replica's share of it, everything driven by
 * database state so it survives restarts and is shared by replicas: the jobs
 * of app/jobs, each in its own lane (run-jobs.ts). A job that makes work for
 * another wakes it.
 */
export function startJobs({
  store,
  helpers,
  timing = DEFAULT_TIMING,
  giveWay,
}: {
  store: Store;
  helpers: JobHelpers;
  timing?: WorkerTiming;
  /** Awaited between steps and between deliveries (threads/give-way.ts); none: just back to the event loop. */
  giveWay?: () => Promise<void>;
}): Worker {
  let runner: JobRunner | null = null;
  const wake = (name: string) => () => runner?.wake(name);
  runner = runJobs({
    jobs: [
      processDeliveries({ store, helpers, onEvaluationRequested: wake('evaluate-repos'), giveWay }),
      evaluateRepos({ store, helpers, onPublicationDue: wake('publish-verdicts') }),
      publishVerdicts({ store, helpers }),
      backfillRepos({ store, helpers, onEvaluationRequested: wake('evaluate-repos') }),
    ],
    periodic: [
      fireTimers({ store, helpers, every: timing.pollInterval, onEvaluationRequested: wake('evaluate-repos') }),
      ...(timing.redeliveryInterval > 0 ? [redeliveryScan({ store, helpers, every: timing.redeliveryInterval })] : []),
    ],
    idle: timing.pollInterval,
    giveWay,
    log: helpers.log,
    clock: helpers.clock,
  });
  return {
    wake: wake('process-deliveries'),
    stop: () => runner?.stop() ?? Promise.resolve(),
  };
}
