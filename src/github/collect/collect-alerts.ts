import type { Fact } from '../../events/types.ts';
import type { RepoRef } from '../types.ts';
import { factsFromPayload } from './facts-from-payload.ts';
import { fullName } from './full-name.ts';
import { timeOf } from './time-of.ts';

/**
 * Dependabot alerts: every open one (however old: it may be past due now) and
 * every one updated since the horizon (newest update first; paging stops at
 * the first page older than `since`). REST shows current state only: no
 * reopen or first-fix history.
 */
export async function collectAlerts({ octokit, owner, repo, since }: RepoRef): Promise<Fact[]> {
  const open = await octokit.paginate('GET /repos/{owner}/{repo}/dependabot/alerts', {
    owner,
    repo,
    state: 'open',
    per_page: 100,
  });
  const recent = await octokit.paginate(
    'GET /repos/{owner}/{repo}/dependabot/alerts',
    { owner, repo, sort: 'updated', direction: 'desc', per_page: 100 },
    (response, done) => {
      if (response.data.some((alert) => (timeOf(alert.updated_at) ?? 0) < since)) done();
      return response.data;
    },
  );
  const byNumber = new Map([...open, ...recent].map((alert) => [alert.number, alert]));
  const repository = { full_name: fullName({ owner, repo }) };
  return [...byNumber.values()].flatMap((alert) =>
    factsFromPayload({
      id: `api:alert:${alert.number}`,
      name: 'dependabot_alert',
      payload: { action: alert.state, repository, alert },
    }),
  );
}
