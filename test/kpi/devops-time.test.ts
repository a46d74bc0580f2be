// Time spent on DevOps activities (docs/kpis.md, "Time spent"), from real payloads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalGiven, deploymentSucceeded, releasePublished, sha, workflowRunCompleted } from './deliveries.ts';
import { NOW, scenarioArb } from './random-scenario.ts';
import { periodOf, releaseOf, reportOf } from './report-of.ts';

const repo = 'acme/api';
const now = '2026-03-20T00:00:00Z';
const v1 = releasePublished({ repo, tag: 'v1.0.0', publishedAt: '2026-03-02T10:00:00Z', commit: sha('v1') });
const hotfix = releasePublished({ repo, tag: 'v1.0.1-hotfix', publishedAt: '2026-03-03T10:00:00Z', commit: sha('hf') });
const commit = sha('v1');

function minutesOf(deliveries: Parameters<typeof reportOf>[0]['deliveries']) {
  return releaseOf(reportOf({ deliveries, now }), 'v1.0.0').activities.map((a) => [a.kind, a.minutes]);
}

describe('time spent on DevOps activities', () => {
  it('times a dispatched run and each re-run attempt from its start to its last update', () => {
    const attempt = (n: number, startedAt: string, updatedAt: string) =>
      workflowRunCompleted({ repo, runId: 9, attempt: n, event: 'workflow_dispatch', commit, startedAt, updatedAt });
    expect(
      minutesOf([
        v1,
        attempt(1, '2026-03-02T11:00:00Z', '2026-03-02T11:12:00Z'),
        attempt(2, '2026-03-02T12:00:00Z', '2026-03-02T12:04:30Z'),
        // The same attempt heard again, updated later: its last update counts.
        attempt(2, '2026-03-02T12:00:00Z', '2026-03-02T12:07:00Z'),
      ]),
    ).toEqual([
      ['manual-workflow', 12],
      ['rerun', 7],
    ]);
  });

  it('times a manual deployment to its first final status, and not while it runs', () => {
    const status = (state: string, at: string) =>
      deploymentSucceeded({
        repo,
        deploymentId: 4,
        commit,
        createdAt: '2026-03-02T11:00:00Z',
        succeededAt: at,
        state,
        byWorkflow: false,
      });
    expect(minutesOf([v1, status('in_progress', '2026-03-02T11:05:00Z')])).toEqual([['manual-deployment', null]]);
    expect(
      minutesOf([
        v1,
        status('in_progress', '2026-03-02T11:05:00Z'),
        status('failure', '2026-03-02T11:20:00Z'),
        status('inactive', '2026-03-03T11:00:00Z'),
      ]),
    ).toEqual([['manual-deployment', 20]]);
  });

  it("times an approval's wait from `since`, else from the run's start, else not at all", () => {
    const at = '2026-03-02T12:00:00Z';
    const approval = (told: { since?: string; runStartedAt?: string }) =>
      minutesOf([v1, approvalGiven({ repo, runId: 5, commit, at, ...told })]);
    expect(approval({ since: '2026-03-02T11:45:00Z', runStartedAt: '2026-03-02T11:00:00Z' })).toEqual([
      ['deployment-approval', 15],
    ]);
    expect(approval({ runStartedAt: '2026-03-02T11:00:00Z' })).toEqual([['deployment-approval', 60]]);
    expect(approval({})).toEqual([['deployment-approval', null]]);
  });

  it('counts a hotfix without a time, and sums each kind per period with the untimed ones beside', () => {
    const report = reportOf({
      deliveries: [
        v1,
        hotfix,
        approvalGiven({ repo, runId: 5, commit, at: '2026-03-02T12:00:00Z', since: '2026-03-02T11:30:00Z' }),
        approvalGiven({
          repo,
          runId: 6,
          commit,
          at: '2026-03-02T13:00:00Z',
          since: '2026-03-02T12:59:30Z',
        }),
        approvalGiven({ repo, runId: 7, commit, at: '2026-03-02T14:00:00Z' }),
      ],
      now,
    });
    expect(releaseOf(report, 'v1.0.0').activities.find((a) => a.kind === 'hotfix')?.minutes).toBeNull();
    const period = periodOf(report, 'all', '2026-03-02T10:00:00Z');
    expect(period.devopsActivities['deployment-approval']).toBe(3);
    expect(period.devopsMinutes).toEqual({
      'manual-workflow': 0,
      rerun: 0,
      'manual-deployment': 0,
      'deployment-approval': 30.5,
      hotfix: null,
    });
    expect(period.devopsUntimed['deployment-approval']).toBe(1);
    expect(period.devopsUntimed.hotfix).toBe(0);
  });

  it('random scenarios time every timed kind, so the engine laws cover the times', () => {
    const timed = new Set<string>();
    fc.assert(
      fc.property(scenarioArb([repo]), (deliveries) => {
        for (const s of reportOf({ deliveries, now: NOW }).segments) {
          for (const p of s.periods) {
            for (const [kind, minutes] of Object.entries(p.devopsMinutes)) if (minutes) timed.add(kind);
          }
        }
      }),
      { numRuns: 200 },
    );
    expect([...timed].sort()).toEqual(['deployment-approval', 'manual-deployment', 'manual-workflow', 'rerun']);
  });
});
