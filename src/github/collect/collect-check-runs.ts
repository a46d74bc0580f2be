import { COVERAGE_CHECK, ROLLBACK_CHECK } from '../../events/index.ts';
import type { Fact } from '../../events/types.ts';
import type { RepoRef } from '../types.ts';
import { factsFromPayload } from './facts-from-payload.ts';
import { fullName } from './full-name.ts';

const NAMES = new Set([COVERAGE_CHECK, ROLLBACK_CHECK]);

/**
 * The `shipwell/coverage` and `shipwell/rollback` check runs of each commit
 * (`GET …/commits/{sha}/check-runs?filter=all` — the default `latest` hides
 * same-named runs), completed ones only, as `check_run` completed facts.
 */
export async function collectCheckRuns({
  octokit,
  owner,
  repo,
  shas,
}: RepoRef & { shas: readonly string[] }): Promise<Fact[]> {
  const repository = { full_name: fullName({ owner, repo }) };
  const facts: Fact[] = [];
  for (const sha of new Set(shas)) {
    const runs = await octokit.paginate('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      owner,
      repo,
      ref: sha,
      filter: 'all',
      per_page: 100,
    });
    for (const run of runs) {
      if (!NAMES.has(run.name) || run.status !== 'completed') continue;
      facts.push(
        ...factsFromPayload({
          id: `api:check-run:${run.id}`,
          name: 'check_run',
          payload: { action: 'completed', repository, check_run: run },
        }),
      );
    }
  }
  return facts;
}
