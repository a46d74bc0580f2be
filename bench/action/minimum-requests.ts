// The fewest REST requests any collector needs for a report of this repo:
// every list read page by page (100 a page) only as far as the horizon, plus
// the per-item reads REST has no bulk form for (a tag's commit, a
// deployment's statuses, a commit's check runs, a re-run's earlier attempts,
// a labelled issue's events). Computed from the repository's data alone,
// not from the collector's code.

import type { Instant } from '../../src/time/index.ts';
import type { FakeRepo } from '../../test/github/fake-github.ts';

const pages = (count: number) => Math.max(1, Math.ceil(count / 100));
const time = (value: unknown) => Date.parse(String(value));

export function minimumRequests({ repo, since }: { repo: FakeRepo; since: Instant }): Record<string, number> {
  const releases = [...repo.releases].sort((a, b) => time(b.created_at) - time(a.created_at));
  const lastNeeded = releases.findLastIndex((r) => time(r.published_at) >= since);
  const shown = releases.filter((r) => time(r.published_at) >= since);
  const deployments = repo.deployments.filter((d) => time(d.created_at) >= since);
  const runs = repo.runs.filter((r) => time(r.created_at) >= since && r.status === 'completed');
  const pulls = repo.pulls.filter((p) => time(p.updated_at) >= since);
  const alerts = repo.alerts === 'forbidden' ? [] : repo.alerts;
  return {
    repository: 1,
    releases: pages(lastNeeded + 1),
    'tag commits': shown.reduce((n, r) => n + 1 + (repo.refs[String(r.tag_name)]?.type === 'tag' ? 1 : 0), 0),
    deployments: pages(deployments.length),
    'deployment statuses': deployments.length,
    'workflow runs': pages(runs.length),
    'earlier attempts': runs.reduce((n, r) => n + Number(r.run_attempt ?? 1) - 1, 0),
    'pull requests': pages(pulls.length),
    'rollback labels': 1 + repo.issues.filter((i) => time(i.updated_at) >= since).length,
    'check runs': new Set(shown.map((r) => repo.refs[String(r.tag_name)]?.sha)).size,
    'Dependabot alerts':
      pages(alerts.filter((a) => a.state === 'open').length) +
      pages(alerts.filter((a) => time(a.updated_at) >= since).length),
  };
}
