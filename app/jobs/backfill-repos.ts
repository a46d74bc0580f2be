import {
  BudgetExhaustedError,
  type ConditionalCache,
  collectReposHistory,
  type RepoHistory,
  reportHorizon,
  useConditionalRequests,
  useRateBudget,
} from '../../src/github/index.ts';
import { type BackfillJob, nameOf, orgOf, type StoreSlice } from '../../src/store/index.ts';
import { createBackfillProgress } from '../create-backfill-progress.ts';
import { MINUTE } from '../durations.ts';
import type { JobHelpers } from '../types.ts';
import { defineJob, type Job } from './define-job.ts';
import { loadRepoConfig } from './load-repo-config.ts';

const LEASE = 10 * MINUTE;
/** Repositories of one installation collected together (GraphQL reads many a query). */
const BATCH = 25;

export type BackfillStore = StoreSlice<'backfills' | 'facts' | 'evaluations' | 'configs'>;

/**
 * How repositories' history is backfilled (docs/app.md, "The first hour"):
 * a batch of one installation's repositories at a time — the installation
 * served longest ago, so one busy org cannot starve the others — through
 * the org collector (collectReposHistory), in two passes: first the recent
 * window (what the current and last complete periods need) of every
 * repository, then the rest back to the horizon of its config. Each pass's
 * facts, its end and the evaluation request commit together, so a restart
 * resumes where it stopped and reads nothing twice. When the installation's
 * rate limit is spent, its jobs are given back untried until the reset
 * GitHub announced (other installations go on). Parts the installation may
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
  // per installation: answers re-read with If-None-Match (a 304 costs no budget)
  const caches = new Map<number, ConditionalCache>();
  return defineJob({
    name: 'backfill-repos',
    schedule: { batch: BATCH, idle: 1000 },
    claim: (limit) => store.backfills.claim({ worker, now: clock(), lease: LEASE, limit }),
    async perform(jobs) {
      const first = jobs[0];
      if (!first) return [];
      const installationId = first.installationId;
      const octokit = await helpers.github.installation(installationId);
      const budget = useRateBudget({
        octokit,
        clock,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        mode: 'defer',
      });
      if (!caches.has(installationId)) caches.set(installationId, new Map());
      useConditionalRequests({ octokit, cache: caches.get(installationId)! });
      const watched = await progress.watch({ job: first, octokit });
      const now = clock();
      // one pass per window: repositories whose configs give the same window share their queries
      const passes = new Map<
        string,
        {
          jobs: BackfillJob[];
          since: number;
          until: number | null;
          horizon: number;
          labels: readonly string[];
          recentSince: number | null;
        }
      >();
      type Pass = typeof passes extends Map<string, infer P> ? P : never;
      let current: Pass | null = null;
      // one pass's histories and their end commit together; the evaluation of each is requested
      const keep = async (pass: Pass, histories: RepoHistory[]) => {
        const deeper = pass.recentSince !== null && pass.recentSince > pass.horizon;
        const written = await store.transaction(async (tx) => {
          const done: string[] = [];
          for (const history of histories) {
            // a repository with no release in its recent window had its activity there skipped: the rest pass reads up to now
            const ended = await tx.backfills.complete({
              repo: history.repo,
              worker,
              now,
              ...(deeper ? { recentSince: history.active ? pass.recentSince! : now } : {}),
            });
            if (!ended) continue;
            await tx.facts.write({ facts: history.facts });
            done.push(history.repo);
          }
          if (done.length > 0) await tx.evaluations.request({ repos: done, now });
          return done;
        });
        for (const history of histories) {
          for (const part of history.unavailable) {
            log.warn(
              { repo: history.repo, part: part.part, permission: part.permission, reason: part.reason },
              'backfill: part not readable',
            );
          }
          if (written.includes(history.repo)) {
            log.info(
              { repo: history.repo, facts: history.facts.length, pass: pass.until === null ? 'recent' : 'rest' },
              'backfill pass done',
            );
          }
        }
        if (written.length > 0) onEvaluationRequested();
        for (const repo of written) await watched.finished({ done: true, repo, final: pass.until !== null || !deeper });
      };
      try {
        for (const job of jobs) {
          const config = await loadRepoConfig({ configs: store.configs, helpers, octokit, repo: job.repo });
          const horizon = reportHorizon({ config, now });
          const recentSince = job.stage === 0 ? Math.max(horizon, reportHorizon({ config, now, periods: 2 })) : null;
          const since = job.stage === 0 ? recentSince! : horizon;
          const until = job.stage === 0 ? null : (job.recentSince ?? now);
          const labels = config.rollback.labels;
          const key = JSON.stringify([job.stage, since, until, horizon, labels]);
          const pass = passes.get(key) ?? { jobs: [], since, until, horizon, labels, recentSince };
          pass.jobs.push(job);
          passes.set(key, pass);
        }
        for (const pass of passes.values()) {
          current = pass;
          const histories = await collectReposHistory({
            octokit,
            repos: pass.jobs.map((job) => ({
              owner: orgOf(job.repo),
              repo: nameOf(job.repo),
            })),
            window: { since: pass.since, until: pass.until },
            horizon: pass.horizon,
            now,
            labels: pass.labels,
            recent: pass.until === null,
          });
          await keep(pass, histories);
        }
      } catch (error) {
        if (!(error instanceof BudgetExhaustedError)) throw error;
        // keep what was read in full; the rest goes back untried, this installation waits for its reset
        if (current) await keep(current, error.completed as RepoHistory[]);
        await store.backfills.defer({ installationId, worker, until: error.resetAt });
        log.info(
          { installation: installationId, resetAt: new Date(error.resetAt).toISOString() },
          `backfill of installation ${installationId}: ${error.message}; resuming then`,
        );
        watched.waiting({ until: error.resetAt });
      } finally {
        const spent = budget.spent();
        await store.backfills.spent({ installationId, requests: spent.requests, points: spent.points, now: clock() });
      }
      return [];
    },
    fail: ({ item, error, retryAt }) => store.backfills.fail({ repo: item.repo, worker, error, now: clock(), retryAt }),
    attempts: (item) => item.attempts,
    describe: (item) => ({ repo: item.repo, attempts: item.attempts, stage: item.stage }),
  });
}
