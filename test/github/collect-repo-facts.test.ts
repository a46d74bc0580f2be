import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../src/events/index.ts';
import type { Fact } from '../../src/events/types.ts';
import { collectRepoFacts, renderCollectionNotes } from '../../src/github/index.ts';
import { parseInstant } from '../../src/time/index.ts';
import { loadWebhook, type Overrides } from '../events/load-webhook.ts';
import * as gh from './nock-github.ts';

const since = parseInstant('2019-05-01T00:00:00Z')!;
const now = parseInstant('2019-05-20T00:00:00Z')!;
const SINCE = '2019-05-01T00:00:00Z';
const COMMIT = 'c0ffee0000000000000000000000000000000001';
const TAG_OBJECT = 'a11a000000000000000000000000000000000002';
const repository = { full_name: 'Codertocat/Hello-World' };

afterEach(() => {
  expect(nock.isDone(), `pending mocks: ${nock.pendingMocks().join(', ')}`).toBe(true);
  nock.cleanAll();
});

/** The facts a webhook delivery of the fixture gives, without origins and repo-info. */
function webhookFacts(fixture: string, overrides: Overrides, at?: string): Omit<Fact, 'origin'>[] {
  const payload = loadWebhook(fixture, { ...overrides, repository });
  const delivery = { id: 'webhook', name: fixture.split('.')[0]!, payload, ...(at ? { at } : {}) };
  return withoutOrigin((normalizeDelivery(delivery).facts ?? []).filter((f) => f.type !== 'repo-info'));
}

function withoutOrigin(facts: Fact[]): Omit<Fact, 'origin'>[] {
  return facts.map(({ origin: _origin, ...rest }) => rest);
}

function ofType(facts: Fact[], type: Fact['type']) {
  return withoutOrigin(facts.filter((f) => f.type === type));
}

const releaseObject = loadWebhook('release.published').release as Record<string, unknown>;
const deployment = loadWebhook('deployment_status.created').deployment as Record<string, unknown>;
const deploymentStatus = loadWebhook('deployment_status.created').deployment_status as Record<string, unknown>;
const runOverrides = { workflow_run: { status: 'completed', conclusion: 'success', run_attempt: 2 } };
const run = loadWebhook('workflow_run.completed', runOverrides).workflow_run as Record<string, unknown>;
const pullOverrides = {
  pull_request: { merged: true, merged_at: '2019-05-15T15:21:18Z', head: { ref: 'revert-1-changes' } },
};
const pull = loadWebhook('pull_request.closed', pullOverrides).pull_request as Record<string, unknown>;
const revertedOverrides = {
  pull_request: { number: 1, merged: true, merged_at: '2019-04-02T10:00:00Z', head: { ref: 'feature' } },
};
const reverted = loadWebhook('pull_request.closed', revertedOverrides).pull_request as Record<string, unknown>;
const issueOverrides = { label: { name: 'Rollback' } };
const issue = loadWebhook('issues.labeled').issue as Record<string, unknown>;
const checkOverrides = {
  check_run: { name: 'shipwell/coverage', head_sha: COMMIT, output: { summary: 'Lines: 8/10 (80.0%)' } },
};
const checkRun = loadWebhook('check_run.completed', checkOverrides).check_run as Record<string, unknown>;
const alert = loadWebhook('dependabot_alert.fixed', { alert: { created_at: '2019-05-10T00:00:00Z' } }).alert as Record<
  string,
  unknown
>;

/** What reading Dependabot alerts needs, as the collector names it. */
const ALERTS_PERMISSION =
  'Dependabot alerts: read (an App installation or personal token; the workflow token cannot read them)';

/** Every read the collector makes for the fixture repository, in one place. */
function mockHistory({
  alertsForbidden = false,
  alertsAnswer = alertsForbidden ? { status: 403 } : null,
}: {
  alertsForbidden?: boolean;
  alertsAnswer?: { status: number; headers?: Record<string, string> } | null;
} = {}) {
  gh.mockRepo({ id: 1296269, full_name: repository.full_name, topics: ['cloud'], custom_properties: { team: 'pay' } });
  gh.mockReleases([releaseObject]);
  gh.mockGitRef('0.0.1', { type: 'tag', sha: TAG_OBJECT });
  gh.mockGitTag(TAG_OBJECT, { type: 'commit', sha: COMMIT });
  gh.mockDeployments([deployment]);
  gh.mockDeploymentStatuses(145988746, [deploymentStatus]);
  gh.mockRuns(SINCE, [run]);
  gh.mockRunAttempt(1589141559, 1, { ...run, run_attempt: 1, run_started_at: '2019-05-14T09:00:00Z' });
  gh.mockClosedPulls([pull]);
  gh.mockPull(1, reverted);
  gh.mockLabelledIssues('rollback', '2019-05-01T00:00:00.000Z', [issue]);
  gh.mockIssueEvents(1, [
    { id: 7, event: 'labeled', created_at: '2019-05-15T16:00:00Z', label: { name: 'Rollback' } },
    { id: 8, event: 'labeled', created_at: '2019-05-15T16:05:00Z', label: { name: 'bug' } },
    { id: 9, event: 'closed', created_at: '2019-05-16T16:05:00Z' },
  ]);
  gh.mockCommitCheckRuns(COMMIT, [
    checkRun,
    { ...checkRun, id: 5, name: 'lint' },
    { ...checkRun, id: 6, status: 'in_progress', completed_at: null },
  ]);
  if (alertsAnswer) gh.mockOpenAlerts(alertsAnswer);
  else {
    gh.mockOpenAlerts([]);
    gh.mockRecentAlerts([alert]);
  }
}

describe('collectRepoFacts', () => {
  it('gives exactly the facts the webhooks of the same objects give', async () => {
    mockHistory();
    const collected = await collectRepoFacts({ octokit: gh.testOctokit(), owner: gh.OWNER, repo: gh.REPO, since, now });
    const { facts } = collected;
    expect(ofType(facts, 'release')).toEqual(webhookFacts('release.published', {}));
    expect(ofType(facts, 'release-sha')).toEqual([
      { type: 'release-sha', repo: repository.full_name, tag: '0.0.1', sha: COMMIT, via: 'api' },
    ]);
    expect(ofType(facts, 'deployment-status')).toEqual(webhookFacts('deployment_status.created', {}));
    const runs = ofType(facts, 'workflow-run');
    expect(runs).toHaveLength(2);
    expect(runs).toContainEqual(webhookFacts('workflow_run.completed', runOverrides)[0]);
    expect(runs).toContainEqual({
      ...webhookFacts('workflow_run.completed', runOverrides)[0],
      attempt: 1,
      startedAt: parseInstant('2019-05-14T09:00:00Z'),
    });
    expect(ofType(facts, 'merged-pull')).toEqual([
      ...webhookFacts('pull_request.closed', pullOverrides),
      ...webhookFacts('pull_request.closed', revertedOverrides),
    ]);
    expect(ofType(facts, 'label')).toEqual(webhookFacts('issues.labeled', issueOverrides, '2019-05-15T16:00:00Z'));
    expect(ofType(facts, 'coverage')).toEqual(webhookFacts('check_run.completed', checkOverrides));
    expect(ofType(facts, 'alert')).toEqual(
      webhookFacts('dependabot_alert.fixed', { alert: { created_at: '2019-05-10T00:00:00Z' } }),
    );
    expect(facts.filter((f) => f.type === 'repo-info')).toEqual([
      {
        type: 'repo-info',
        repo: repository.full_name,
        origin: 'api:repo:1296269',
        topics: ['cloud'],
        customProperties: { team: 'pay' },
        observedAt: now,
      },
    ]);
    expect(new Set(facts.map((f) => f.origin)).size).toBe(facts.length);
    expect(facts.every((f) => f.origin.startsWith('api:'))).toBe(true);
    expect(collected.unavailable).toEqual([]);
    expect(collected.limitations.join('\n')).toMatch(/deleted release/i);
  });

  it('lists a part the token may not read with the permission it needs, and reads the rest', async () => {
    mockHistory({ alertsForbidden: true });
    const collected = await collectRepoFacts({ octokit: gh.testOctokit(), owner: gh.OWNER, repo: gh.REPO, since, now });
    expect(collected.unavailable).toEqual([
      {
        part: 'Dependabot alerts',
        permission: ALERTS_PERMISSION,
        reason: 'forbidden',
      },
    ]);
    expect(collected.facts.some((f) => f.type === 'alert')).toBe(false);
    expect(collected.facts.some((f) => f.type === 'release')).toBe(true);
  });

  it('names what a 403 lacked as GitHub says it (x-accepted-github-permissions)', async () => {
    mockHistory({
      alertsAnswer: { status: 403, headers: { 'x-accepted-github-permissions': 'vulnerability_alerts=read' } },
    });
    const collected = await collectRepoFacts({ octokit: gh.testOctokit(), owner: gh.OWNER, repo: gh.REPO, since, now });
    expect(collected.unavailable).toEqual([
      { part: 'Dependabot alerts', permission: 'vulnerability_alerts: read', reason: 'forbidden' },
    ]);
    expect(renderCollectionNotes({ ...collected, limitations: [] })).toBe(
      '### Not available\n\n- Dependabot alerts: not available: needs `vulnerability_alerts: read`',
    );
  });

  it('tells a 404 (not found, or not enabled) from a missing permission', async () => {
    mockHistory({ alertsAnswer: { status: 404 } });
    const collected = await collectRepoFacts({ octokit: gh.testOctokit(), owner: gh.OWNER, repo: gh.REPO, since, now });
    expect(collected.unavailable).toEqual([
      {
        part: 'Dependabot alerts',
        permission: ALERTS_PERMISSION,
        reason: 'not-found',
      },
    ]);
    const notes = renderCollectionNotes({ ...collected, limitations: [] });
    expect(notes).toContain('Dependabot alerts: not available: GitHub has none for this repository (404');
    expect(notes).not.toContain('needs');
    expect(collected.facts.some((f) => f.type === 'release')).toBe(true);
  });
});
