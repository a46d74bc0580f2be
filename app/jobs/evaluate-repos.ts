import type { RepoEvaluation } from '../../src/kpi/index.ts';
import type { EvaluationRequest } from '../../src/store/index.ts';
import { MINUTE, SECOND } from '../durations.ts';
import type { JobHelpers } from '../types.ts';
import { defineJob, type Job } from './define-job.ts';
import { type EvaluationStore, evaluateRepo } from './evaluate-repo.ts';

const LEASE = 2 * MINUTE;
/**
 * A repository is evaluated at most once in this long, however often it is
 * asked for (every batch of its deliveries asks): one evaluation serves the
 * requests that came meanwhile.
 */
const MIN_INTERVAL = SECOND;
/**
 * ...or this many times as long as its evaluation took, whichever is longer:
 * evaluating one busy repository takes at most a fifth of the worker's time,
 * however long its pending releases' windows are...
 */
const INTERVAL_PER_EVALUATION = 4;
/** ...but never longer than this (a rare full evaluation, at start or after a config change, sets no long rest). */
const MAX_INTERVAL = 10 * SECOND;

/**
 * When a release's verdict changes (docs/app.md, "When a verdict is
 * published"): a repository asked for (new facts, a config change, a window
 * closing) is evaluated again from what changed — only the releases whose
 * windows the new facts reach, and the facts inside those windows
 * (docs/kpis.md, "Re-evaluating only what can change") — and the verdicts of
 * the releases its report shows are saved; those that changed then wait for
 * the publishing job. A pending release gets a timer at its window's end.
 * Releases whose window closed before the App knew the repository are
 * history: saved, never published.
 */
export function evaluateRepos({
  store,
  helpers,
  onPublicationDue,
}: {
  store: EvaluationStore;
  helpers: JobHelpers;
  /** Called when verdicts wait to be published (wakes that job). */
  onPublicationDue: () => void;
}): Job<EvaluationRequest> {
  const { clock, worker } = helpers;
  const cache = new Map<string, RepoEvaluation>();
  return defineJob({
    name: 'evaluate-repos',
    schedule: { batch: 10, idle: 1000, settle: 15 },
    claim: (limit) => store.evaluations.claim({ worker, now: clock(), lease: LEASE, limit }),
    async perform(requests) {
      const failures: { item: EvaluationRequest; error: string }[] = [];
      let due = false;
      for (const request of requests) {
        try {
          // the work's own duration, on the monotonic clock (the App's clock is the business time, which a test may move)
          const started = performance.now();
          const evaluated = await evaluateRepo({ store, helpers, repo: request.repo, cache });
          due ||= evaluated.due;
          const took = performance.now() - started;
          await store.evaluations.release({
            repo: request.repo,
            worker,
            version: request.version,
            soonest: clock() + Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, INTERVAL_PER_EVALUATION * took)),
            ...(evaluated.next === null ? {} : { next: evaluated.next }),
          });
        } catch (error) {
          failures.push({ item: request, error: (error as Error).message });
        }
      }
      if (due) onPublicationDue();
      return failures;
    },
    fail: ({ item, retryAt }) => store.evaluations.release({ repo: item.repo, worker, version: item.version, retryAt }),
    attempts: () => 3,
    describe: (item) => ({ repo: item.repo }),
  });
}
