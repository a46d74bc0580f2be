// DevOps activity kinds and attribution (docs/kpis.md, "DevOps activities"), from real payloads.
import { describe, expect, it } from 'vitest';
import {
  approvalGiven,
  coverageReported,
  deploymentSucceeded,
  releasePublished,
  sha,
  workflowRunCompleted,
} from './deliveries.ts';
import { periodOf, releaseOf, reportOf } from './report-of.ts';

const repo = 'acme/api';
const now = '2026-03-20T00:00:00Z';
const v1 = releasePublished({ repo, tag: 'v1.0.0', publishedAt: '2026-03-02T10:00:00Z', commit: sha('v1') });
const v2 = releasePublished({ repo, tag: 'v1.1.0', publishedAt: '2026-03-04T10:00:00Z', commit: sha('v2') });

const hotfix = releasePublished({
  repo,
  tag: 'v1.0.1',
  name: 'Hotfix: payments',
  publishedAt: '2026-03-03T10:00:00Z',
  commit: sha('h'),
});

function kinds(tag: string, deliveries: Parameters<typeof reportOf>[0]['deliveries'], config = '') {
  return releaseOf(reportOf({ deliveries, now, config }), tag).activities.map((a) => a.kind);
}

/** An attempt of the dispatched run 9. */
const dispatched = (attempt: number, startedAt: string, commit = sha('v1')) =>
  workflowRunCompleted({ repo, runId: 9, attempt, event: 'workflow_dispatch', name: 'Deploy', commit, startedAt });

describe('activity kinds', () => {
  it('counts a dispatched run once per run id, and each re-run attempt', () => {
    const run = dispatched;
    const deliveries = [
      v1,
      run(1, '2026-03-02T11:00:00Z'),
      run(2, '2026-03-02T12:00:00Z'),
      run(1, '2026-03-02T11:00:00Z'),
    ];
    expect(kinds('v1.0.0', deliveries).sort()).toEqual(['manual-workflow', 'rerun']);
  });

  it('times a dispatched run by its earliest attempt, the lower one at one instant, whatever the order', () => {
    const run = (attempt: number, commit: string) => dispatched(attempt, '2026-03-02T09:00:00Z', commit);
    const attempts = [v1, v2, run(1, sha('v2')), run(2, sha('v1'))];
    for (const deliveries of [attempts, [...attempts].reverse()]) {
      expect(kinds('v1.1.0', deliveries)).toEqual(['manual-workflow']);
      expect(kinds('v1.0.0', deliveries)).toEqual(['rerun']);
    }
  });

  it('counts deployments made by people, not by bots or workflows', () => {
    const deploy = (id: number, extra: object) =>
      deploymentSucceeded({
        repo,
        deploymentId: id,
        commit: sha('v1'),
        createdAt: '2026-03-02T11:00:00Z',
        succeededAt: '2026-03-02T11:01:00Z',
        ...extra,
      });
    const deliveries = [
      v1,
      deploy(1, { byWorkflow: false }),
      deploy(2, { byWorkflow: false, creator: { login: 'deploy-bot', type: 'Bot' } }),
      deploy(3, { byWorkflow: false, creator: { login: 'renovate[bot]', type: 'User' } }),
      deploy(4, { byWorkflow: true }),
      deploy(5, { byWorkflow: false, state: 'failure' }),
    ];
    expect(kinds('v1.0.0', deliveries)).toEqual(['manual-deployment', 'manual-deployment']);
  });

  it('counts approvals by people only', () => {
    const deliveries = [
      v1,
      approvalGiven({ repo, runId: 1, commit: sha('v1'), at: '2026-03-02T11:00:00Z' }),
      approvalGiven({
        repo,
        runId: 2,
        commit: sha('v1'),
        at: '2026-03-02T11:00:00Z',
        approver: { login: 'ci[bot]', type: 'Bot' },
      }),
    ];
    expect(kinds('v1.0.0', deliveries)).toEqual(['deployment-approval']);
  });

  it('adds a hotfix release to the previous release at the hotfix publish time', () => {
    const deliveries = [v1, hotfix, v2];
    expect(kinds('v1.0.0', deliveries)).toEqual(['hotfix']);
    expect(kinds('v1.0.1', deliveries)).toEqual([]);
    // A hotfix as the first release adds to nothing.
    expect(kinds('v1.0.1', [hotfix])).toEqual([]);
  });

  it('names the evidence of each counted activity: run attempt, deployment, approval run, hotfix release', () => {
    const deliveries = [
      v1,
      hotfix,
      v2,
      dispatched(1, '2026-03-02T11:00:00Z'),
      dispatched(3, '2026-03-02T12:00:00Z'),
      deploymentSucceeded({
        repo,
        deploymentId: 41,
        environment: 'production',
        commit: sha('v1'),
        createdAt: '2026-03-02T13:00:00Z',
        succeededAt: '2026-03-02T13:01:00Z',
        byWorkflow: false,
      }),
      approvalGiven({ repo, runId: 12, commit: sha('v1'), at: '2026-03-02T14:00:00Z' }),
    ];
    const activities = releaseOf(reportOf({ deliveries, now }), 'v1.0.0').activities;
    expect(activities.map((a) => [a.kind, a.evidence])).toEqual([
      ['manual-workflow', { kind: 'workflow-run', runId: 9, attempt: 1 }],
      ['rerun', { kind: 'workflow-run', runId: 9, attempt: 3 }],
      ['manual-deployment', { kind: 'deployment', deploymentId: 41, environment: 'production' }],
      ['deployment-approval', { kind: 'workflow-run', runId: 12, attempt: 1 }],
      ['hotfix', { kind: 'release', tag: 'v1.0.1' }],
    ]);
  });

  it('only counts the kinds in devops.kinds', () => {
    const deliveries = [
      v1,
      workflowRunCompleted({
        repo,
        runId: 9,
        event: 'workflow_dispatch',
        commit: sha('v1'),
        startedAt: '2026-03-02T11:00:00Z',
      }),
      approvalGiven({ repo, runId: 1, commit: sha('v1'), at: '2026-03-02T11:00:00Z' }),
    ];
    expect(kinds('v1.0.0', deliveries, 'devops:\n  kinds: [deployment-approval]\n')).toEqual(['deployment-approval']);
  });
});

describe('attribution', () => {
  const dispatch = (runId: number, commit: string, startedAt: string, branch = 'main') =>
    workflowRunCompleted({ repo, runId, event: 'workflow_dispatch', name: 'Ops', commit, startedAt, branch });

  it('goes by sha, then by tag ref, else to the first release published at or after it', () => {
    const deliveries = [
      v1,
      v2,
      dispatch(1, sha('v1'), '2026-03-04T12:00:00Z'), // v1's sha, after v2 was published
      dispatch(2, sha('other'), '2026-03-04T12:00:00Z', 'v1.0.0'), // v1's tag as ref
      dispatch(3, sha('other'), '2026-03-03T00:00:00Z'), // before v2: v2
      dispatch(4, sha('other'), '2026-03-04T10:00:00Z'), // exactly at v2's publish: v2
      dispatch(5, sha('other'), '2026-03-05T00:00:00Z'), // after the newest release: waits
    ];
    const report = reportOf({ deliveries, now });
    expect(releaseOf(report, 'v1.0.0').devopsActivities).toBe(2);
    expect(releaseOf(report, 'v1.1.0').devopsActivities).toBe(2);
  });

  it('reports the activity breakdown by kind per period', () => {
    const deliveries = [
      v1,
      coverageReported({ repo, commit: sha('v1'), covered: 9, total: 10, completedAt: '2026-03-02T09:00:00Z' }),
      dispatch(1, sha('v1'), '2026-03-02T12:00:00Z'),
      approvalGiven({ repo, runId: 1, commit: sha('v1'), at: '2026-03-02T11:00:00Z' }),
    ];
    const period = periodOf(reportOf({ deliveries, now }), 'all', '2026-03-02T10:00:00.000Z');
    expect(period.devopsActivities).toMatchObject({ 'manual-workflow': 1, 'deployment-approval': 1, rerun: 0 });
    expect(period.devopsActivitiesPerRelease).toBe(2);
    expect(period.meanCoverage).toBe(90);
  });
});
