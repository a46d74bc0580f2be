import { createHash } from 'node:crypto';
import { computeReport } from '../../src/kpi/index.ts';
import type { ReleaseReport } from '../../src/report/types.ts';
import type { EvaluationRequest, StoreSlice, VerdictRecord } from '../../src/store/index.ts';
import { parseInstant } from '../../src/time/index.ts';
import { MINUTE, SECOND } from '../durations.ts';
import type { JobHelpers } from '../types.ts';
import { defineJob, type Job } from './define-job.ts';
import { loadRepoConfig } from './load-repo-config.ts';

const LEASE = 2 * MINUTE;
/** A repository asked for again while it was evaluated waits this long: one evaluation serves many requests. */
const MIN_INTERVAL = SECOND;

/** What a verdict is: a change to any of it is published; the passing of time alone is not. */
export function verdictHash(release: ReleaseReport): string {
  return createHash('sha256').update(JSON.stringify(release)).digest('hex');
}

export type EvaluationStore = StoreSlice<'evaluations' | 'repos' | 'facts' | 'configs' | 'verdicts' | 'timers'>;

/**
 * When a release's verdict changes (docs/app.md, "When a verdict is
 * published"): a repository asked for (new facts, a config change, a window
 * closing) is evaluated with the core at the clock's now, and its verdicts
 * are saved — those that changed then wait for the publishing job. A pending
 * release gets a timer at its window's end. Releases whose window closed
 * before the App knew the repository are history: saved, never published.
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
  return defineJob({
    name: 'evaluate-repos',
    schedule: { batch: 10, idle: 1000, settle: 15 },
    claim: (limit) => store.evaluations.claim({ worker, now: clock(), lease: LEASE, limit }),
    async perform(requests) {
      const failures: { item: EvaluationRequest; error: string }[] = [];
      let due = false;
      for (const request of requests) {
        try {
          if (await evaluateRepo({ store, helpers, repo: request.repo })) due = true;
          await store.evaluations.release({
            repo: request.repo,
            worker,
            version: request.version,
            soonest: clock() + MIN_INTERVAL,
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

/** Evaluates one repository and saves its verdicts; true when some wait to be published. */
async function evaluateRepo({
  store,
  helpers,
  repo,
}: {
  store: EvaluationStore;
  helpers: JobHelpers;
  repo: string;
}): Promise<boolean> {
  const record = await store.repos.read({ repo });
  if (!record || record.installationId === null) return false;
  const octokit = await helpers.github.installation(record.installationId);
  const config = await loadRepoConfig({ configs: store.configs, helpers, octokit, repo });
  const now = helpers.clock();
  const facts = await store.facts.read({ repo });
  const report = computeReport({ facts, config, now, repo });
  const verdicts: VerdictRecord[] = report.releases.map((release) => {
    const windowEnd = parseInstant(release.windowEnd) ?? now;
    return {
      tag: release.tag,
      hash: verdictHash(release),
      status: release.status,
      windowEnd,
      body: JSON.stringify(release),
      publish: windowEnd > record.knownSince,
    };
  });
  const waiting = await store.transaction(async (tx) => {
    for (const v of verdicts) {
      if (v.status === 'pending') await tx.timers.set({ repo, tag: v.tag, dueAt: v.windowEnd });
      else await tx.timers.clear({ repo, tag: v.tag });
    }
    return tx.verdicts.save({ repo, verdicts, now });
  });
  return waiting.length > 0;
}
