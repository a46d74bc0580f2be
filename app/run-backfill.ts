import { collectRepoFacts, reportHorizon } from '../src/github/index.ts';
import { type BackfillJob, orgOf } from '../src/store/index.ts';
import type { BackfillProgress } from './create-backfill-progress.ts';
import { loadRepoConfig } from './load-repo-config.ts';
import type { AppDeps } from './types.ts';

/**
 * Backfills one repository's history with the shared REST collector, from
 * the report horizon of its config to now (the installation client's
 * throttling keeps within rate limits), and commits the facts with the job.
 * Parts the installation may not read are logged, and so is the
 * installation's progress (`progress`). Throws on failure.
 */
export async function runBackfill({
  deps,
  job,
  progress,
}: {
  deps: AppDeps;
  job: BackfillJob;
  progress?: BackfillProgress;
}): Promise<boolean> {
  const octokit = await deps.github.installation(job.installationId);
  const watched = await progress?.watch({ job, octokit });
  const config = await loadRepoConfig({ deps, octokit, repo: job.repo });
  const now = deps.clock();
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
    deps.log.warn({ repo: job.repo, part: part.part, permission: part.permission }, 'backfill: part not readable');
  }
  const done = await deps.store.completeBackfill({ repo: job.repo, worker: deps.worker, facts: collected.facts, now });
  if (done) deps.log.info({ repo: job.repo, facts: collected.facts.length }, 'backfill done');
  await watched?.finished({ done });
  return done;
}
