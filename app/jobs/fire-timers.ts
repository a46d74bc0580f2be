import type { StoreSlice } from '../../src/store/index.ts';
import type { JobHelpers } from '../types.ts';
import type { PeriodicJob } from './define-job.ts';

/**
 * When a release's window closes its verdict becomes final: due timers are
 * removed and their repositories asked for evaluation, in one transaction
 * (each timer fires once, whichever replica fires it).
 */
export function fireTimers({
  store,
  helpers,
  onEvaluationRequested,
  every,
}: {
  store: StoreSlice<'timers' | 'evaluations'>;
  /** How often due timers are looked for. */
  every: number;
  helpers: Pick<JobHelpers, 'clock'>;
  onEvaluationRequested: () => void;
}): PeriodicJob {
  return {
    name: 'fire-timers',
    every,
    async run() {
      const now = helpers.clock();
      const repos = await store.transaction(async (tx) => {
        const due = await tx.timers.fire({ now });
        const repos = [...new Set(due.map((t) => t.repo))];
        await tx.evaluations.request({ repos, now });
        return repos;
      });
      if (repos.length > 0) onEvaluationRequested();
    },
  };
}
