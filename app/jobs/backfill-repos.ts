import { collectRepoFacts, reportHorizon } from '../../src/github/index.ts';
import { type BackfillJob, orgOf, type StoreSlice } from '../../src/store/index.ts';
import { createBackfillProgress } from '../create-backfill-progress.ts';
import { MINUTE } from '../durations.ts';
import type { JobHelpers } from '../types.ts';
import { defineJob, type Job } from './define-job.ts';
import { loadRepoConfig } from './load-repo-config.ts';

const LEASE = 10 * MINUTE;

export type BackfillStore = StoreSlice<'backfills' | 'facts' | 'evaluations' | 'configs'>;

/**
 * How a repository's history is backfilled: the shared REST collector reads
 * it from the report horizon of its config to now (the installation client's
 * throttling keeps within rate limits); the facts, the job's end and the
 * repository's evaluation request commit together. Parts the installation may
 * not read are logged.
 */
export function backfillRepos({
  store,
  helpers,
  onEvaluationRequested,
}: {
  store: BackfillStore;
  helpers: JobHelpers;
  onEvaluationRequested: () => void;
}): Job<BackfillJob> {
  const { clock, worker, log } = helpers;
  // per installation, a log line at most every 30 s while its repositories are collected
  const progress = createBackfillProgress({ log, clock, store });
  return defineJob({
    name: 'backfill-repos',
    schedule: { batch: 1, idle: 1000 },
    claim: (limit) => store.backfills.claim({ worker, now: clock(), lease: LEASE, limit }),
    async perform([job]) {
      if (!job) return [];
      const octokit = await helpers.github.installation(job.installationId);
      const watched = await progress.watch({ job, octokit });
      const config = await loadRepoConfig({ configs: store.configs, helpers, octokit, repo: job.repo });
      const now = clock();
      const owner = orgOf(job.repo);
      const collected = await collectRepoFacts({
        octokit,
        owner,
        repo: job.repo.slice(owner.length + 1),
        since: reportHorizon({ config, now }),
        now,
        labels: config.rollback.labels,
      });
      for (const part of collected.unavailable) {
        log.warn(
          { repo: job.repo, part: part.part, permission: part.permission, reason: part.reason },
          'backfill: part not readable',
        );
      }
      const done = await store.transaction(async (tx) => {
        if (!(await tx.backfills.complete({ repo: job.repo, worker, now }))) return false;
        await tx.facts.write({ facts: collected.facts });
        await tx.evaluations.request({ repos: [job.repo], now });
        return true;
      });
      if (done) {
        log.info({ repo: job.repo, facts: collected.facts.length }, 'backfill done');
        onEvaluationRequested();
      }
      await watched.finished({ done });
      return [];
    },
    fail: ({ item, error, retryAt }) => store.backfills.fail({ repo: item.repo, worker, error, now: clock(), retryAt }),
    attempts: (item) => item.attempts,
    describe: (item) => ({ repo: item.repo, attempts: item.attempts }),
  });
}
