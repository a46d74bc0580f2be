import type { CollectedFacts, CollectionProgress, GitHubClient, UnavailablePart } from '../types.ts';
import { collectRepoFacts } from './collect-repo-facts.ts';
import { timeOf } from './time-of.ts';

/**
 * Every repository of an organisation (`GET /orgs/{org}/repos`), then each
 * one's history (collectRepoFacts). Archived repositories not pushed to since
 * the horizon are skipped: they cannot hold anything the report shows except
 * open alerts, which GitHub closes on archive. Unavailable parts name their
 * repository. `progress` hears how many repositories there are and each one
 * done.
 */
export async function collectOrgFacts({
  octokit,
  org,
  since,
  now,
  labels,
  progress,
}: {
  octokit: GitHubClient;
  org: string;
  since: number;
  now: number;
  labels?: readonly string[];
  progress?: CollectionProgress;
}): Promise<CollectedFacts & { repos: string[] }> {
  const list = await octokit.paginate('GET /orgs/{org}/repos', { org, type: 'all', per_page: 100 });
  const result: CollectedFacts & { repos: string[] } = { facts: [], unavailable: [], limitations: [], repos: [] };
  const unavailable = new Map<string, UnavailablePart>();
  const kept = list.filter((repository) => !repository.archived || (timeOf(repository.pushed_at) ?? 0) >= since);
  progress?.planned({ repos: kept.length });
  for (const repository of kept) {
    const collected = await collectRepoFacts({
      octokit,
      owner: repository.owner.login,
      repo: repository.name,
      since,
      now,
      ...(labels ? { labels } : {}),
    });
    result.repos.push(repository.full_name);
    result.facts.push(...collected.facts);
    for (const missing of collected.unavailable) {
      const part = `${missing.part} of ${repository.full_name}`;
      unavailable.set(part, { ...missing, part });
    }
    result.limitations = collected.limitations;
    progress?.repoDone({ repo: repository.full_name });
  }
  result.unavailable = [...unavailable.values()];
  return result;
}
