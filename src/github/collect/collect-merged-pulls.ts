import type { Fact } from '../../events/types.ts';
import { httpStatus } from '../http-status.ts';
import type { RepoRef } from '../types.ts';
import { factsFromPayload } from './facts-from-payload.ts';
import { fullName } from './full-name.ts';
import { timeOf } from './time-of.ts';

/** GitHub's Revert button names the branch `revert-<N>-…` (docs/kpis.md, "Rollbacks" `revert-pr`). */
const REVERT_BRANCH = /^revert-(\d+)-/;

interface PullLike {
  number: number;
  merged_at: string | null;
  head: { ref: string };
}

/**
 * Pull requests merged since the horizon (closed ones by last update, newest
 * first; paging stops at the first page updated before `since`, since a merge
 * updates the pull request), plus each PR a revert PR reverts when it was
 * merged earlier (`GET …/pulls/{N}`): the `revert-pr` signal needs its merge
 * time.
 */
export async function collectMergedPulls({ octokit, owner, repo, since }: RepoRef): Promise<Fact[]> {
  const list = await octokit.paginate(
    'GET /repos/{owner}/{repo}/pulls',
    { owner, repo, state: 'closed', sort: 'updated', direction: 'desc', per_page: 100 },
    (response, done) => {
      if (response.data.some((pull) => (timeOf(pull.updated_at) ?? 0) < since)) done();
      return response.data;
    },
  );
  const repository = { full_name: fullName({ owner, repo }) };
  const merged: PullLike[] = [];
  const facts: Fact[] = [];
  const add = (pull: PullLike) => {
    merged.push(pull);
    facts.push(
      ...factsFromPayload({
        id: `api:pull:${pull.number}`,
        name: 'pull_request',
        payload: { action: 'closed', repository, pull_request: { ...pull, merged: true } },
      }),
    );
  };
  for (const pull of list) if ((timeOf(pull.merged_at) ?? Number.NEGATIVE_INFINITY) >= since) add(pull);
  const known = new Set(merged.map((pull) => pull.number));
  for (const pull of [...merged]) {
    const match = REVERT_BRANCH.exec(pull.head.ref);
    if (!match) continue;
    const number = Number(match[1]);
    if (known.has(number)) continue;
    known.add(number);
    try {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        owner,
        repo,
        pull_number: number,
      });
      if (data.merged_at !== null) add(data);
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
  }
  return facts;
}
