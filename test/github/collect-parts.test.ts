import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/index.ts';
import { collectApprovals } from '../../src/github/collect/collect-approvals.ts';
import { collectDeployments } from '../../src/github/collect/collect-deployments.ts';
import { collectReleases } from '../../src/github/collect/collect-releases.ts';
import { collectOrgFacts, reportHorizon } from '../../src/github/index.ts';
import { DAY, parseInstant } from '../../src/time/index.ts';
import * as gh from './nock-github.ts';

afterEach(() => {
  expect(nock.isDone(), `pending mocks: ${nock.pendingMocks().join(', ')}`).toBe(true);
  nock.cleanAll();
});

const since = parseInstant('2026-01-01T00:00:00Z')!;
const now = parseInstant('2026-03-20T00:00:00Z')!;
const ref = () => ({ octokit: gh.testOctokit(), owner: gh.OWNER, repo: gh.REPO, since, now });
const sha = (n: number) => n.toString(16).padStart(40, '0');

function release(id: number, at: string, extra: object = {}) {
  return {
    id,
    tag_name: `v${id}`,
    name: null,
    target_commitish: sha(id),
    created_at: at,
    published_at: at,
    draft: false,
    prerelease: false,
    ...extra,
  };
}

describe('collectReleases', () => {
  it('stops paging after the first page older than the horizon and skips drafts', async () => {
    gh.mockReleases(
      [release(3, '2026-02-01T00:00:00Z'), release(4, '2026-01-20T00:00:00Z', { draft: true, published_at: null })],
      {
        next: true,
      },
    );
    gh.mockReleases([release(2, '2026-01-05T00:00:00Z'), release(1, '2025-12-01T00:00:00Z')], { page: 2, next: true });
    // Releases are sorted by creation, not publication: a page with an old one may still hide a
    // late-published release after it, so paging stops only after a page that is old throughout.
    gh.mockReleases([release(0, '2025-11-01T00:00:00Z')], { page: 3, next: true });
    // page 4 exists (Link header) but is never asked for: nock would reject it.
    const { facts, releases } = await collectReleases(ref());
    expect(releases.map((r) => r.tag)).toEqual(['v3', 'v2']);
    // The release before the horizon is kept (hotfix needs the previous release) without a commit lookup.
    expect(facts.filter((f) => f.type === 'release').map((f) => f.tag)).toEqual(['v3', 'v2', 'v1', 'v0']);
    // Commits come from target_commitish (a sha here), as the webhook gives them: no tag lookups.
    expect(facts.filter((f) => f.type === 'release-sha').map((f) => f.type === 'release-sha' && f.via)).toEqual([
      'target',
      'target',
      'target',
      'target',
    ]);
  });

  it('keeps paging while a release created before the horizon was published after it', async () => {
    gh.mockReleases(
      [release(2, '2025-11-01T00:00:00Z', { published_at: '2026-01-10T00:00:00Z', target_commitish: 'main' })],
      {
        next: true,
      },
    );
    gh.mockReleases([release(1, '2025-10-01T00:00:00Z')], { page: 2, next: true });
    gh.mockGitRef('v2', null);
    const { releases } = await collectReleases(ref());
    expect(releases).toEqual([{ tag: 'v2', publishedAt: parseInstant('2026-01-10T00:00:00Z'), sha: null }]);
  });
});

describe('collectDeployments', () => {
  const deployment = (id: number, at: string) => ({
    id,
    sha: sha(id),
    ref: `v${id}`,
    environment: 'production',
    created_at: at,
    creator: { login: 'octocat', type: 'User' },
    performed_via_github_app: null,
  });
  const status = (id: number, at: string, url = '') => ({
    id,
    state: 'success',
    created_at: at,
    environment: 'production',
    target_url: url,
    log_url: url,
  });

  it('reads statuses only of deployments since the horizon and links deployments to their runs', async () => {
    gh.mockDeployments([deployment(9, '2026-02-01T00:00:00Z'), deployment(8, '2025-12-30T00:00:00Z')], { next: true });
    gh.mockDeploymentStatuses(9, [status(90, '2026-02-01T00:05:00Z', 'https://github.com/o/r/actions/runs/555/job/1')]);
    const { facts, runIds } = await collectDeployments(ref());
    expect(runIds).toEqual([555]);
    expect(facts).toEqual([
      expect.objectContaining({
        type: 'deployment-status',
        deploymentId: 9,
        viaWorkflow: true,
        origin: 'api:deployment-status:90',
      }),
    ]);
  });
});

describe('collectApprovals', () => {
  const runs = [
    {
      id: 555,
      attempt: 2,
      headSha: sha(5),
      headBranch: 'main',
      startedAt: '2026-02-01T00:01:00Z',
      updatedAt: '2026-02-01T00:10:00Z',
    },
  ];

  it('asks for approvals only when an environment requires reviewers', async () => {
    gh.mockEnvironments([{ name: 'production', protection_rules: [{ type: 'wait_timer' }] }]);
    expect(await collectApprovals({ ...ref(), runs, runIds: [555] })).toEqual([]);
  });

  it('gives one approval fact per approver, timed at the run’s last update, waiting since its start', async () => {
    gh.mockEnvironments([{ name: 'production', protection_rules: [{ type: 'required_reviewers' }] }]);
    gh.mockApprovals(555, [
      { state: 'approved', user: { login: 'lead', type: 'User' }, environments: [], comment: '' },
      { state: 'rejected', user: { login: 'other', type: 'User' }, environments: [], comment: '' },
    ]);
    const facts = await collectApprovals({ ...ref(), runs, runIds: [555] });
    expect(facts).toEqual([
      {
        type: 'approval',
        repo: 'Codertocat/Hello-World',
        origin: 'api:approval:555:lead',
        runId: 555,
        attempt: 2,
        approver: 'lead',
        byBot: false,
        sha: sha(5),
        ref: 'main',
        at: parseInstant('2026-02-01T00:10:00Z'),
        waitingSince: parseInstant('2026-02-01T00:01:00Z'),
      },
    ]);
  });
});

describe('reportHorizon', () => {
  it('is the start of the oldest shown period minus the longest rollback window', () => {
    const config = defaultConfig();
    // now 2026-03-20: current period starts 2026-03-09 (anchor 2024-01-01, 14 days); 6 before it.
    expect(reportHorizon({ config, now })).toBe(parseInstant('2026-03-09T00:00:00Z')! - 6 * 14 * DAY - 7 * DAY);
    const longer = { ...config, overrides: { ios: { rollbackWindow: 10 * DAY } } };
    expect(reportHorizon({ config: longer, now })).toBe(
      parseInstant('2026-03-09T00:00:00Z')! - 6 * 14 * DAY - 10 * DAY,
    );
  });
});

describe('collectOrgFacts', () => {
  it('skips archived repositories not pushed to since the horizon', async () => {
    nock(gh.API)
      .get('/orgs/acme/repos')
      .query({ type: 'all', per_page: '100' })
      .reply(200, [
        {
          name: 'old',
          full_name: 'acme/old',
          owner: { login: 'acme' },
          archived: true,
          pushed_at: '2020-01-01T00:00:00Z',
        },
      ]);
    const collected = await collectOrgFacts({ octokit: gh.testOctokit(), org: 'acme', since, now });
    expect(collected.repos).toEqual([]);
    expect(collected.facts).toEqual([]);
  });
});

describe('collectMergedPulls and collectAlerts', () => {
  it('stop paging at the first page that reaches before the horizon, and fetch the PR a revert reverts', async () => {
    const { collectMergedPulls } = await import('../../src/github/collect/collect-merged-pulls.ts');
    const pull = (number: number, at: string, ref = `feature-${number}`) => ({
      number,
      title: `change ${number}`,
      head: { ref },
      merged_at: at,
      updated_at: at,
    });
    gh.mockClosedPulls([pull(12, '2026-02-01T00:00:00Z', 'revert-3-change'), pull(11, '2025-12-01T00:00:00Z')], {
      next: true,
    });
    gh.mockPull(3, pull(3, '2025-11-01T00:00:00Z'));
    const facts = await collectMergedPulls(ref());
    expect(facts.map((f) => f.type === 'merged-pull' && f.number)).toEqual([12, 3]);
  });

  it('read every open alert and those updated since the horizon, once each', async () => {
    const { collectAlerts } = await import('../../src/github/collect/collect-alerts.ts');
    const alert = (number: number, state: string, updated: string) => ({
      number,
      state,
      security_advisory: { severity: 'high' },
      created_at: '2025-06-01T00:00:00Z',
      updated_at: updated,
      fixed_at: state === 'fixed' ? updated : null,
      dismissed_at: null,
      auto_dismissed_at: null,
    });
    gh.mockOpenAlerts([alert(1, 'open', '2025-06-01T00:00:00Z')]);
    gh.mockRecentAlerts([alert(2, 'fixed', '2026-02-01T00:00:00Z'), alert(1, 'open', '2025-06-01T00:00:00Z')]);
    const facts = await collectAlerts(ref());
    expect(facts.map((f) => f.type === 'alert' && [f.number, f.state])).toEqual([
      [1, 'open'],
      [2, 'fixed'],
    ]);
  });
});
