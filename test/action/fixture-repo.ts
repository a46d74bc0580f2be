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

/**
 * An organisation for the `org` input: `acme/api` (cloud) and `acme/ios-app`
 * (ios), each with the webhook payload's release behind a tag and a coverage
 * check run (85 % and 75 %), and `acme/.github` holding the org config:
 * segments by name, and iOS judged against 70 % coverage instead of 80 %.
 */
export function orgRepos(): FakeRepo[] {
  const release = releaseEvent.release as Record<string, unknown>;
  const withRelease = ({
    name,
    id,
    tag,
    sha,
    lines,
  }: {
    name: string;
    id: number;
    tag: string;
    sha: string;
    lines: number;
  }) => {
    const repo = emptyRepo('acme', name, id);
    repo.releases.push({ ...release, id: id * 10, tag_name: tag, name: tag, body: '' });
    repo.refs[tag] = { type: 'commit', sha };
    repo.checkRuns.push({
      id: id * 100,
      name: 'shipwell/coverage',
      head_sha: sha,
      status: 'completed',
      conclusion: 'neutral',
      completed_at: '2019-05-15T15:00:00Z',
      output: { title: `Lines: ${lines}/100 (${lines}.0%)`, summary: `Lines: ${lines}/100 (${lines}.0%)` },
    });
    return repo;
  };
  const dotGithub = emptyRepo('acme', '.github', 30);
  dotGithub.files['.github/shipwell.yml'] = [
    'segments:',
    '  ios: ["ios-*"]',
    '  cloud: ["*"]',
    'overrides:',
    '  ios: { minCoverage: 70 }',
    '',
  ].join('\n');
  return [
    withRelease({ name: 'api', id: 10, tag: 'v1.0.0', sha: 'a'.repeat(40), lines: 85 }),
    withRelease({ name: 'ios-app', id: 20, tag: '1.0.0', sha: 'b'.repeat(40), lines: 75 }),
    dotGithub,
  ];
}
