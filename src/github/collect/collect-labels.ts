import type { Fact } from '../../events/types.ts';
import { formatInstant } from '../../time/index.ts';
import type { RepoRef } from '../types.ts';
import { factsFromPayload } from './facts-from-payload.ts';
import { fullName } from './full-name.ts';
import { timeOf } from './time-of.ts';

/**
 * Issues and pull requests carrying a rollback label, updated since the
 * horizon (`GET …/issues?labels=L&since=…`, one query per label), with the
 * time of each labelling from the issue events API — REST lists only current
 * labels. One `issues` labeled fact per labelling event, as the webhook gives.
 */
export async function collectLabels({
  octokit,
  owner,
  repo,
  since,
  labels,
}: RepoRef & { labels: readonly string[] }): Promise<Fact[]> {
  const repository = { full_name: fullName({ owner, repo }) };
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  const items = new Map<number, { number: number; title: string; body?: string | null }>();
  for (const label of labels) {
    const list = await octokit.paginate('GET /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      labels: label,
      state: 'all',
      since: formatInstant(since),
      per_page: 100,
    });
    for (const item of list) items.set(item.number, item);
  }
  const facts: Fact[] = [];
  for (const item of items.values()) {
    const events = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/events', {
      owner,
      repo,
      issue_number: item.number,
      per_page: 100,
    });
    for (const event of events) {
      const name = 'label' in event ? event.label?.name : undefined;
      const at = timeOf(event.created_at);
      if (event.event !== 'labeled' || name === undefined || at === null || !wanted.has(name.toLowerCase())) continue;
      facts.push(
        ...factsFromPayload({
          id: `api:label:${event.id}`,
          name: 'issues',
          payload: {
            action: 'labeled',
            repository,
            label: { name },
            issue: { number: item.number, title: item.title, body: item.body ?? null },
          },
          at,
        }),
      );
    }
  }
  return facts;
}
