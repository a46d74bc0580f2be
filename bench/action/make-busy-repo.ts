// A busy repository for the bench: 300 releases (every other one behind an
// annotated tag) and 1,000 deployments spread over 600 days, workflow runs
// with re-runs, merged pull requests, a rollback-labelled issue and
// Dependabot alerts — more history than a report's horizon, so paging must
// stop at the horizon to stay near the minimum.

import { DAY, formatInstant, type Instant } from '../../src/time/index.ts';
import { fakeAlert } from '../../test/github/fake-alert.ts';
import { emptyRepo, type FakeRepo } from '../../test/github/fake-github.ts';

const hex = (n: number, prefix: string) => `${prefix}${n.toString(16)}`.padEnd(40, '0');
const iso = (at: Instant) => formatInstant(at).replace('.000Z', 'Z');

export function makeBusyRepo({
  now,
  releases = 300,
  deployments = 1_000,
  days = 600,
}: {
  now: Instant;
  releases?: number;
  deployments?: number;
  days?: number;
}): FakeRepo {
  const repo = emptyRepo('acme', 'api');
  const start = now - days * DAY;
  for (let i = 0; i < releases; i++) {
    const at = start + ((i + 0.5) * days * DAY) / releases;
    const tag = `v1.${i}.0`;
    const commit = hex(i + 1, 'c');
    repo.releases.push({
      id: 10_000 + i,
      tag_name: tag,
      name: tag,
      target_commitish: 'main',
      created_at: iso(at - 60_000),
      published_at: iso(at),
      draft: false,
      prerelease: false,
      body: `Release ${tag}`,
    });
    if (i % 2 === 0) {
      repo.refs[tag] = { type: 'tag', sha: hex(i + 1, 'a') };
      repo.tagObjects[hex(i + 1, 'a')] = { type: 'commit', sha: commit };
    } else {
      repo.refs[tag] = { type: 'commit', sha: commit };
    }
    repo.checkRuns.push({
      id: 50_000 + i,
      name: 'shipwell/coverage',
      head_sha: commit,
      status: 'completed',
      conclusion: 'neutral',
      completed_at: iso(at - 3_600_000),
      output: { title: 'coverage', summary: `Lines: ${800 + (i % 200)}/1000` },
    });
  }
  for (let i = 0; i < deployments; i++) {
    const at = start + ((i + 0.5) * days * DAY) / deployments;
    const release = Math.min(releases - 1, Math.floor((i * releases) / deployments));
    const id = 70_000 + i;
    repo.deployments.push({
      id,
      sha: hex(release + 1, 'c'),
      ref: `v1.${release}.0`,
      environment: i % 3 === 0 ? 'staging' : 'production',
      created_at: iso(at),
      creator: { login: 'deploy-bot[bot]', type: 'Bot' },
      performed_via_github_app: null,
    });
    repo.statuses[id] = [
      {
        id: id * 10 + 1,
        state: 'success',
        created_at: iso(at + 120_000),
        environment: 'production',
        target_url: '',
        log_url: '',
      },
      {
        id: id * 10,
        state: 'in_progress',
        created_at: iso(at + 10_000),
        environment: 'production',
        target_url: '',
        log_url: '',
      },
    ];
  }
  for (let i = 0; i < 400; i++) {
    const at = start + ((i + 0.5) * days * DAY) / 400;
    const attempts = i % 10 === 0 ? 2 : 1;
    const run = {
      id: 90_000 + i,
      name: i % 25 === 0 ? 'Rollback' : 'CI',
      event: i % 7 === 0 ? 'workflow_dispatch' : 'push',
      status: 'completed',
      conclusion: 'success',
      head_sha: hex((i % releases) + 1, 'c'),
      head_branch: 'main',
      created_at: iso(at),
      run_started_at: iso(at),
      updated_at: iso(at + 300_000),
      run_attempt: attempts,
      display_title: `run ${i}`,
    };
    repo.runs.push(run);
    if (attempts === 2) repo.attempts[`${run.id}:1`] = { ...run, run_attempt: 1, conclusion: 'failure' };
  }
  for (let i = 0; i < 600; i++) {
    const at = start + ((i + 0.5) * days * DAY) / 600;
    repo.pulls.push({
      number: i + 1,
      state: 'closed',
      title: `change ${i}`,
      head: { ref: i % 50 === 49 ? `revert-${i}-change` : `feature-${i}` },
      merged_at: iso(at),
      updated_at: iso(at + 60_000),
    });
  }
  repo.issues.push({
    number: 10_001,
    title: `Rollback v1.${releases - 3}.0`,
    body: `Rolled back v1.${releases - 3}.0`,
    labels: [{ name: 'rollback' }],
    updated_at: iso(now - 2 * DAY),
  });
  repo.issueEvents[10_001] = [{ id: 1, event: 'labeled', created_at: iso(now - 2 * DAY), label: { name: 'rollback' } }];
  repo.alerts = Array.from({ length: 120 }, (_, i) => {
    const opened = start + ((i + 0.5) * days * DAY) / 120;
    const fixed = i % 4 === 0 ? null : opened + (i % 9) * DAY;
    return fakeAlert({ number: i + 1, opened, fixed, severity: ['low', 'medium', 'high', 'critical'][i % 4]! });
  });
  return repo;
}
