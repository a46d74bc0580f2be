import type { Fact } from '../../events/types.ts';
import type { Instant } from '../../time/index.ts';
import { httpStatus } from '../http-status.ts';
import type { GitHubClient } from '../types.ts';
import { factsFromPayload } from './facts-from-payload.ts';
import { timeOf } from './time-of.ts';

/**
 * The Dependabot alerts of a whole organisation at once
 * (`GET /orgs/{org}/dependabot/alerts`, 100 a page, each naming its
 * repository), as collectAlerts reads one repository's: every open one and
 * every one updated since `since`. By lower-case `owner/name`; a repository
 * with none is absent. null when the organisation's list cannot be read (a
 * user account, or a token without access): the caller reads repository by
 * repository. A repository whose alerts the token may not read is left out
 * of GitHub's list silently.
 */
export async function collectOrgAlerts({
  octokit,
  org,
  since,
}: {
  octokit: GitHubClient;
  org: string;
  since: Instant;
}): Promise<Map<string, Fact[]> | null> {
  type Alert = { number: number; state: string; updated_at: string; repository: { full_name: string } };
  let open: Alert[];
  let recent: Alert[];
  try {
    open = (await octokit.paginate('GET /orgs/{org}/dependabot/alerts', {
      org,
      state: 'open',
      per_page: 100,
    })) as Alert[];
    recent = (await octokit.paginate(
      'GET /orgs/{org}/dependabot/alerts',
      { org, sort: 'updated', direction: 'desc', per_page: 100 },
      (response, done) => {
        if (response.data.some((alert) => (timeOf(alert.updated_at) ?? 0) < since)) done();
        return response.data;
      },
    )) as Alert[];
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 404) return null;
    throw error;
  }
  const byKey = new Map([...open, ...recent].map((alert) => [`${alert.repository.full_name} ${alert.number}`, alert]));
  const result = new Map<string, Fact[]>();
  for (const alert of byKey.values()) {
    const name = alert.repository.full_name;
    const { repository: _repository, ...rest } = alert;
    const facts = factsFromPayload({
      id: `api:alert:${alert.number}`,
      name: 'dependabot_alert',
      payload: { action: alert.state, repository: { full_name: name }, alert: rest },
    });
    const key = name.toLowerCase();
    result.set(key, [...(result.get(key) ?? []), ...facts]);
  }
  return result;
}
