// The scenario of docs/kpis.md, "A worked example", built from real webhook payloads.
import type { WebhookDelivery } from '../../src/events/index.ts';
import {
  alertEvent,
  coverageReported,
  deploymentSucceeded,
  releasePublished,
  sha,
  workflowRunCompleted,
} from './deliveries.ts';

const repo = 'acme/api';
const A = sha('v1.0.0');
const B = sha('v1.1.0');
const C = sha('v1.2.0');
const D = sha('v1.3.0');

export function workedExampleDeliveries(): WebhookDelivery[] {
  const topics = (d: WebhookDelivery) => {
    (d.payload as { repository: { topics: string[] } }).repository.topics = ['cloud'];
    return d;
  };
  // every payload names the repository with its topics, as GitHub's do
  return [
    releasePublished({ repo, tag: 'v1.0.0', publishedAt: '2026-02-24T10:00:00Z', commit: A }),
    releasePublished({ repo, tag: 'v1.1.0', publishedAt: '2026-03-02T10:00:00Z', commit: B }),
    releasePublished({ repo, tag: 'v1.2.0', publishedAt: '2026-03-10T10:00:00Z', commit: C }),
    releasePublished({ repo, tag: 'v1.3.0', publishedAt: '2026-03-16T10:00:00Z', commit: D }),
    coverageReported({ repo, commit: A, covered: 85, total: 100, completedAt: '2026-02-24T09:30:00Z' }),
    coverageReported({ repo, commit: B, covered: 91, total: 100, completedAt: '2026-03-02T09:30:00Z' }),
    coverageReported({ repo, commit: C, covered: 78, total: 100, completedAt: '2026-03-10T09:30:00Z' }),
    coverageReported({ repo, commit: D, covered: 88, total: 100, completedAt: '2026-03-16T09:30:00Z' }),
    // v1.0.0: one manual dispatch.
    workflowRunCompleted({
      repo,
      runId: 1,
      name: 'Deploy',
      event: 'workflow_dispatch',
      commit: A,
      startedAt: '2026-02-24T11:00:00Z',
    }),
    // v1.1.0 deployed, then v1.0.0 redeployed on 03-03: a rollback taking 4.5 minutes.
    deploymentSucceeded({
      repo,
      deploymentId: 11,
      commit: B,
      createdAt: '2026-03-02T10:30:00Z',
      succeededAt: '2026-03-02T10:34:00Z',
    }),
    deploymentSucceeded({
      repo,
      deploymentId: 12,
      commit: A,
      createdAt: '2026-03-03T09:00:00Z',
      succeededAt: '2026-03-03T09:04:30Z',
    }),
    // v1.2.0: its build failed, then three re-runs.
    workflowRunCompleted({ repo, runId: 3, conclusion: 'failure', commit: C, startedAt: '2026-03-10T11:00:00Z' }),
    ...[2, 3, 4].map((attempt) =>
      workflowRunCompleted({
        repo,
        runId: 3,
        attempt,
        commit: C,
        startedAt: `2026-03-10T1${attempt}:00:00Z`,
      }),
    ),
    alertEvent({
      repo,
      number: 1,
      action: 'fixed',
      state: 'fixed',
      createdAt: '2026-02-25T08:00:00Z',
      updatedAt: '2026-02-27T08:00:00Z',
      fixedAt: '2026-02-27T08:00:00Z',
    }),
    alertEvent({
      repo,
      number: 2,
      action: 'fixed',
      state: 'fixed',
      createdAt: '2026-02-26T08:00:00Z',
      updatedAt: '2026-03-10T08:00:00Z',
      fixedAt: '2026-03-10T08:00:00Z',
    }),
    alertEvent({
      repo,
      number: 3,
      action: 'created',
      state: 'open',
      createdAt: '2026-03-15T08:00:00Z',
      updatedAt: '2026-03-15T08:00:00Z',
    }),
  ].map(topics);
}
