import type { Logger } from 'probot';
import { createProgressMeter, describeProgress, observeResponses, type ProgressMeter } from '../src/github/index.ts';
import type { BackfillJob, StoreSlices } from '../src/store/index.ts';
import type { AppOctokit } from './types.ts';

/** A batch of an installation's backfill being watched: say how each repository's pass ended. */
export interface WatchedBackfill {
  /**
   * `repo` (default: the job's) ended a pass when `done`; `final` (default
   * true): its last — else only its recent window was read.
   */
  finished(input: { done: boolean; repo?: string; final?: boolean }): Promise<void>;
  /** The installation's rate limit is spent until `until`: the log says so, and when it will finish. */
  waiting(input: { until: number }): void;
}

/** Where an installation's backfill stands, told in the App's log. */
export interface BackfillProgress {
  /** Counts the requests of `octokit` for the job's installation until `finished`. */
  watch(input: { job: BackfillJob; octokit: Pick<AppOctokit, 'hook'> }): Promise<WatchedBackfill>;
}

/**
 * The App's backfill progress (docs/app.md, "Operations"): per installation, a
 * log line at most every `interval` ms while its repositories are collected
 * — repositories done of those left when this process took the first,
 * requests made, the rate limit left, the time to go (createProgressMeter) —
 * and one when none is left. Jobs another replica runs are not counted here.
 */
export function createBackfillProgress({
  log,
  clock,
  store,
  interval = 30_000,
}: {
  log: Logger;
  clock: () => number;
  store: Pick<StoreSlices, 'backfills'>;
  interval?: number;
}): BackfillProgress {
  const installations = new Map<number, { meter: ProgressMeter; lastLogged: number; repo: string }>();
  const fields = (installation: number, meter: ProgressMeter) => {
    const snapshot = meter.snapshot();
    return {
      installation,
      reposDone: snapshot.reposDone,
      reposLeft: snapshot.reposTotal,
      requests: snapshot.requests,
      rateLimitRemaining: snapshot.rateLimitRemaining,
      remainingSeconds: snapshot.remaining === null ? null : Math.round(snapshot.remaining / 1000),
    };
  };
  return {
    async watch({ job, octokit }) {
      const id = job.installationId;
      let entry = installations.get(id);
      if (!entry) {
        const counts = await store.backfills.count({ installationId: id });
        const created = {
          meter: createProgressMeter({
            clock,
            onChange: (meter) => {
              if (clock() - created.lastLogged < interval) return;
              created.lastLogged = clock();
              log.info(
                { ...fields(id, meter), repo: created.repo },
                `backfill of installation ${id}: ${describeProgress(meter.snapshot())} (now ${created.repo})`,
              );
            },
          }),
          lastLogged: clock(),
          repo: job.repo,
        };
        created.meter.planned({ repos: Math.max(1, counts.total - counts.done) });
        entry = created;
        installations.set(id, entry);
      }
      entry.repo = job.repo;
      const watched = entry;
      observeResponses({ octokit, onResponse: (response) => watched.meter.responded(response) });
      return {
        waiting({ until }) {
          watched.meter.waiting({ until });
          log.info(
            { ...fields(id, watched.meter), waitingUntil: new Date(until).toISOString() },
            `backfill of installation ${id}: ${describeProgress(watched.meter.snapshot())}`,
          );
        },
        async finished({ done, repo = job.repo, final = true }) {
          if (done && final) watched.meter.repoDone({ repo });
          if (done && !final) watched.meter.recentDone({ repo });
          if (!final) return;
          const counts = await store.backfills.count({ installationId: id });
          if (counts.done < counts.total) return;
          installations.delete(id);
          const snapshot = watched.meter.snapshot();
          log.info(
            { ...fields(id, watched.meter), reposTotal: counts.total },
            `backfill of installation ${id} complete: ${counts.total} ${counts.total === 1 ? 'repository' : 'repositories'} (${snapshot.reposDone} here, ${snapshot.requests} requests)`,
          );
        },
      };
    },
  };
}
