import type { Instant } from '../../time/index.ts';
import type { CollectedFacts, CollectionProgress, GitHubClient, UnavailablePart } from '../types.ts';
import { collectReposHistory, type RepoName } from './collect-repos-history.ts';
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
 * `horizon`. Each fact is read once. `progress` hears the plan, each
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
  const passes = [
    { window: { since: recentSince, until: null }, recent: true },
    ...(recentSince > horizon ? [{ window: { since: horizon, until: recentSince }, recent: false }] : []),
  ];
  for (const pass of passes) {
    for (let i = 0; i < repos.length; i += BATCH) {
      const histories = await collectReposHistory({
        octokit,
        repos: repos.slice(i, i + BATCH),
        window: pass.window,
        horizon,
        now,
        labels,
        recent: pass.recent,
      });
      for (const history of histories) {
        result.facts.push(...history.facts);
        for (const missing of history.unavailable) {
          const part = `${missing.part} of ${history.repo}`;
          unavailable.set(part, { part, permission: missing.permission });
        }
        if (pass.recent) progress?.recentDone?.({ repo: history.repo });
        if (pass === passes.at(-1)) progress?.repoDone({ repo: history.repo });
      }
    }
    if (pass.recent) progress?.partialReady?.();
  }
  result.unavailable = [...unavailable.values()];
  return result;
}
