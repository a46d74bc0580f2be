import type { Instant } from '../../time/index.ts';
import type { CollectedFacts, CollectionProgress, GitHubClient, UnavailablePart } from '../types.ts';
import { collectReposHistory, type RepoName } from './collect-repos-history.ts';
import { fullName } from './full-name.ts';
import { REST_LIMITATIONS } from './rest-limitations.ts';
import { timeOf } from './time-of.ts';

/** Repositories per pass of collectReposHistory. */
const BATCH = 25;

/**
 * Every repository of an organisation, newest history first (docs/app.md,
 * "The first hour"): the repositories (`GET /orgs/{org}/repos`; archived ones
 * not pushed to since the horizon are skipped), then for every repository the
 * recent window — from `partialSince`, what the current and last complete
 * periods need — and only then, for every repository, the rest back to
 * `horizon` (all of it for a repository with no release in its recent window,
whose activity the first pass skipped). Each fact is read once. `progress` hears the plan, each
 * repository's recent window (`recentDone`), the moment every recent window
 * is read (`partialReady`: a partial report can be shown) and each
 * repository done. The client's rate budget (useRateBudget) decides waits.
 */
export async function collectOrgHistory({
  octokit,
  org,
  horizon,
  partialSince,
  now,
  labels,
  progress,
}: {
  octokit: GitHubClient;
  org: string;
  horizon: Instant;
  partialSince: Instant;
  now: Instant;
  labels: readonly string[];
  progress?: CollectionProgress;
}): Promise<CollectedFacts & { repos: string[] }> {
  const list = await octokit.paginate('GET /orgs/{org}/repos', { org, type: 'all', per_page: 100 });
  const kept = list.filter((repository) => !repository.archived || (timeOf(repository.pushed_at) ?? 0) >= horizon);
  const repos: RepoName[] = kept.map((repository) => ({ owner: repository.owner.login, repo: repository.name }));
  progress?.planned({ repos: repos.length });
  const result: CollectedFacts & { repos: string[] } = {
    facts: [],
    unavailable: [],
    limitations: [...REST_LIMITATIONS],
    repos: kept.map((repository) => repository.full_name),
  };
  const unavailable = new Map<string, UnavailablePart>();
  const recentSince = Math.max(horizon, partialSince);
  const take = (histories: Awaited<ReturnType<typeof collectReposHistory>>) => {
    for (const history of histories) {
      result.facts.push(...history.facts);
      for (const missing of history.unavailable) {
        const part = `${missing.part} of ${history.repo}`;
        unavailable.set(part, { part, permission: missing.permission, reason: missing.reason });
      }
    }
  };
  // first pass: every repository's recent window
  const quiet = new Set<string>();
  for (let i = 0; i < repos.length; i += BATCH) {
    const histories = await collectReposHistory({
      octokit,
      repos: repos.slice(i, i + BATCH),
      window: { since: recentSince, until: null },
      horizon,
      now,
      labels,
      recent: true,
    });
    take(histories);
    for (const history of histories) {
      // no release in the recent window: its activity there was not read, the second pass reads it
      if (!history.active) quiet.add(history.repo);
      progress?.recentDone?.({ repo: history.repo });
      if (recentSince <= horizon) progress?.repoDone({ repo: history.repo });
    }
  }
  progress?.partialReady?.();
  // second pass: the rest back to the horizon
  if (recentSince > horizon) {
    for (let i = 0; i < repos.length; i += BATCH) {
      const batch = repos.slice(i, i + BATCH);
      for (const until of [recentSince, null]) {
        const group = batch.filter((r) => quiet.has(fullName(r)) === (until === null));
        if (group.length === 0) continue;
        const histories = await collectReposHistory({
          octokit,
          repos: group,
          window: { since: horizon, until },
          horizon,
          now,
          labels,
          recent: false,
        });
        take(histories);
        for (const history of histories) progress?.repoDone({ repo: history.repo });
      }
    }
  }
  result.unavailable = [...unavailable.values()];
  return result;
}
