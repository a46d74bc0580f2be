// The repository the end-to-end tests play: the real `release.published`
// webhook payload's release (Codertocat/Hello-World 0.0.1, published
// 2019-05-15T15:20:53Z) behind an annotated tag, with a coverage check run on
// its commit.

import { loadWebhook } from '../events/load-webhook.ts';
import { emptyRepo, type FakeRepo } from '../github/fake-github.ts';

export const COMMIT = 'c0ffee00000000000000000000000000000000c1';
export const TAG_OBJECT = 'a11a00000000000000000000000000000000a7a9';
export const releaseEvent = loadWebhook('release.published');

export function fixtureRepo(): FakeRepo {
  const repo = emptyRepo('Codertocat', 'Hello-World');
  const release = releaseEvent.release as Record<string, unknown>;
  repo.releases.push({ ...release, body: 'First release.' });
  repo.refs['0.0.1'] = { type: 'tag', sha: TAG_OBJECT };
  repo.tagObjects[TAG_OBJECT] = { type: 'commit', sha: COMMIT };
  repo.checkRuns.push({
    id: 501,
    name: 'shipwell/coverage',
    head_sha: COMMIT,
    status: 'completed',
    conclusion: 'neutral',
    completed_at: '2019-05-15T15:00:00Z',
    output: { title: 'Lines: 85/100 (85.0%)', summary: 'Lines: 85/100 (85.0%)' },
  });
  return repo;
}
