import type { Logger } from 'probot';
import { retryDelay } from '../retry-delay.ts';
import type { Job, PeriodicJob } from './define-job.ts';

export interface JobRunner {
  /** Look for work of this job now (a delivery was just stored, a repo was asked for). */
  wake(name: string): void;
  /** Finishes every lane's current step and stops. */
  stop(): Promise<void>;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function sleep(ms: number): { done: Promise<void>; cut(): void } {
  let cut: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    cut = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { done, cut };
}

/**
 * Runs each job in its own lane, side by side (a slow GitHub in one job never
 * holds up another): claim up to `batch` items, perform them, record each
 * failure with a retry time (5 s doubling to an hour, retried for ever), and
 * go again at once while a full batch came back, else after `idle` ms or a
 * wake-up (then `settle` ms for more work to gather). A step that throws is
 * logged and tried again on the next round.
 */
export function runJobs({
  jobs,
  periodic = [],
  idle,
  giveWay,
  log,
  clock,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: jobs of different item types; each gets only its own items back
  jobs: readonly Job<any>[];
  periodic?: readonly PeriodicJob[];
  /** Overrides every queue job's idle time (tests poll faster). */
  idle?: number;
  /** Awaited before each step (threads/give-way.ts). */
  giveWay?: () => Promise<void>;
  log: Logger;
  clock: () => number;
}): JobRunner {
  let stopped = false;
  const lanes = new Map<string, { wake(): void; done: Promise<void> }>();
  for (const job of jobs) {
    let woken = false;
    let nap: ReturnType<typeof sleep> | null = null;
    const step = async (): Promise<boolean> => {
      await giveWay?.();
      const items = await job.claim(job.schedule.batch);
      if (items.length === 0) return false;
      let failures: { item: unknown; error: string }[];
      try {
        failures = await job.perform(items);
      } catch (error) {
        failures = items.map((item) => ({ item, error: describe(error) }));
      }
      for (const { item, error } of failures) {
        const retryAt = clock() + retryDelay({ attempts: job.attempts(item) });
        log.error(
          { job: job.name, ...job.describe(item), retryAt: new Date(retryAt).toISOString() },
          `${job.name} failed: ${error}`,
        );
        await job.fail({ item, error, retryAt });
      }
      return items.length === job.schedule.batch;
    };
    const done = (async () => {
      while (!stopped) {
        let again = false;
        try {
          again = await step();
        } catch (error) {
          log.error(`job ${job.name}: ${describe(error)}`);
        }
        if (stopped) break;
        if (again) continue;
        if (!woken) {
          nap = sleep(idle ?? job.schedule.idle);
          await nap.done;
          nap = null;
        }
        woken = false;
        if (job.schedule.settle && !stopped) await sleep(job.schedule.settle).done;
      }
    })();
    lanes.set(job.name, {
      wake() {
        woken = true;
        nap?.cut();
      },
      done,
    });
  }
  for (const job of periodic) {
    let nap: ReturnType<typeof sleep> | null = null;
    const done = (async () => {
      while (!stopped) {
        try {
          await job.run();
        } catch (error) {
          log.error(`job ${job.name}: ${describe(error)}`);
        }
        if (stopped) break;
        nap = sleep(job.every);
        await nap.done;
        nap = null;
      }
    })();
    lanes.set(job.name, { wake: () => nap?.cut(), done });
  }
  return {
    wake: (name) => lanes.get(name)?.wake(),
    async stop() {
      stopped = true;
      for (const lane of lanes.values()) lane.wake();
      await Promise.all([...lanes.values()].map((lane) => lane.done));
    },
  };
}
