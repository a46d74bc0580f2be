// Seeded data for the dashboard tests: the worked example of docs/kpis.md, "A worked example"
// (acme/api, segment cloud) plus an `ios` repo with rollbacks whose tag and
// reasons carry HTML/JS, and a repo in a segment whose name is an attack too.
// Reports are computed by the real engine.
import type { WebhookDelivery } from '../../src/events/index.ts';
import type { Report } from '../../src/report/types.ts';
import {
  alertEvent,
  approvalGiven,
  coverageReported,
  releasePublished,
  rollbackRecorded,
  sha,
  workflowRunCompleted,
} from '../kpi/deliveries.ts';
import { reportOf } from '../kpi/report-of.ts';
import { workedExampleDeliveries } from '../kpi/worked-example.ts';

export const SEEDED_NOW = '2026-03-20T00:00:00.000Z';

/** Strings that would run as script if any renderer let them through. */
export const XSS = {
  tag: '<script>alert(1)</script>',
  reason: '"><img src=x onerror=alert(1)>',
  workflowReason: '</svg><script>alert(2)</script>',
  segment: '"><svg onload=alert(3)>',
} as const;

export const SEEDED_CONFIG = `
segments:
  '${XSS.segment}':
    - acme/web
targets:
  all:
    share: 60
    wellPackaged: 1
  ios:
    share: 80
`;

function withTopics(d: WebhookDelivery, topics: string[]): WebhookDelivery {
  (d.payload as { repository: { topics: string[] } }).repository.topics = topics;
  return d;
}

export function seededDeliveries(): WebhookDelivery[] {
  const app = 'acme/app';
  const web = 'acme/web';
  const [A, B, C] = [sha('app-2.1.0'), sha('app-2.0.0'), sha('app-xss')];
  const W = sha('web-3.0.0');
  return [
    ...workedExampleDeliveries(),
    withTopics(releasePublished({ repo: app, tag: 'v2.1.0', publishedAt: '2026-02-24T12:00:00Z', commit: A }), ['ios']),
    releasePublished({ repo: app, tag: 'v2.0.0', publishedAt: '2026-03-03T10:00:00Z', commit: B }),
    releasePublished({ repo: app, tag: XSS.tag, publishedAt: '2026-03-05T10:00:00Z', commit: C }),
    coverageReported({ repo: app, commit: A, covered: 95, total: 100, completedAt: '2026-02-24T11:00:00Z' }),
    coverageReported({ repo: app, commit: B, covered: 90, total: 100, completedAt: '2026-03-03T09:00:00Z' }),
    coverageReported({ repo: app, commit: C, covered: 70, total: 100, completedAt: '2026-03-05T09:00:00Z' }),
    rollbackRecorded({ repo: app, commit: B, tag: 'v2.0.0', reason: XSS.reason, completedAt: '2026-03-04T08:00:00Z' }),
    // A rollback workflow for the XSS-tagged release, 12 minutes long, titled with HTML.
    workflowRunCompleted({
      repo: app,
      runId: 77,
      name: 'Rollback production',
      commit: C,
      startedAt: '2026-03-06T10:00:00Z',
      updatedAt: '2026-03-06T10:12:00Z',
      displayTitle: XSS.workflowReason,
    }),
    alertEvent({
      repo: app,
      number: 9,
      action: 'created',
      state: 'open',
      createdAt: '2026-03-01T08:00:00Z',
      updatedAt: '2026-03-01T08:00:00Z',
    }),
    // DevOps time for v2.1.0: a dispatched deploy of 25 minutes, an approval after a 40-minute wait.
    workflowRunCompleted({
      repo: app,
      runId: 78,
      name: 'Deploy',
      event: 'workflow_dispatch',
      commit: A,
      startedAt: '2026-02-24T13:00:00Z',
      updatedAt: '2026-02-24T13:25:00Z',
    }),
    approvalGiven({ repo: app, runId: 78, commit: A, at: '2026-02-24T13:50:00Z', since: '2026-02-24T13:10:00Z' }),
    releasePublished({ repo: web, tag: 'v3.0.0', publishedAt: '2026-03-11T10:00:00Z', commit: W }),
    coverageReported({ repo: web, commit: W, covered: 81, total: 100, completedAt: '2026-03-11T09:00:00Z' }),
  ];
}

export function seededReport(): Report {
  return reportOf({ deliveries: seededDeliveries(), now: SEEDED_NOW, config: SEEDED_CONFIG });
}
