// Random scenarios for the KPI engine's laws: any mix of the deliveries it
// reads, over a few repos and ~two months around NOW, built from real payloads.
import fc from 'fast-check';
import type { WebhookDelivery } from '../../src/events/index.ts';
import {
  alertEvent,
  approvalGiven,
  coverageReported,
  deploymentSucceeded,
  labeled,
  pullMerged,
  releasePublished,
  releaseRetracted,
  rollbackRecorded,
  sha,
  workflowRunCompleted,
} from './deliveries.ts';

export const NOW = '2026-03-20T00:00:00Z';
const START = Date.parse('2026-01-20T00:00:00Z');
const SPAN = Date.parse('2026-03-25T00:00:00Z') - START;

const time = fc.integer({ min: 0, max: SPAN / 60_000 }).map((m) => new Date(START + m * 60_000).toISOString());
const tag = fc.integer({ min: 0, max: 5 }).map((n) => `v1.${n}.0`);

/** One random delivery about one of `repos`, any of the kinds the engine reads. */
export function deliveryArb(repos: readonly string[]): fc.Arbitrary<() => WebhookDelivery> {
  const repo = fc.constantFrom(...repos);
  return fc.oneof(
    fc.record({ repo, tag, at: time, pre: fc.boolean() }).map(
      ({ repo, tag, at, pre }) =>
        () =>
          releasePublished({ repo, tag, publishedAt: at, commit: sha(tag), prerelease: pre, name: tag }),
    ),
    fc.record({ repo, tag, at: time, action: fc.constantFrom('deleted', 'unpublished', 'prereleased' as const) }).map(
      ({ repo, tag, at, action }) =>
        () =>
          releaseRetracted({ repo, tag, action, publishedAt: at, at }),
    ),
    fc.record({ repo, tag, at: time, covered: fc.nat(100), extra: fc.nat(40) }).map(
      ({ repo, tag, at, covered, extra }) =>
        () =>
          coverageReported({ repo, commit: sha(tag), covered, total: covered + extra, completedAt: at }),
    ),
    fc
      .record({
        repo,
        tag,
        at: time,
        id: fc.integer({ min: 1, max: 30 }),
        env: fc.constantFrom('prod', 'staging'),
        ok: fc.boolean(),
        manual: fc.boolean(),
      })
      .map(
        ({ repo, tag, at, id, env, ok, manual }) =>
          () =>
            deploymentSucceeded({
              repo,
              deploymentId: id,
              commit: sha(tag),
              environment: env,
              createdAt: at,
              succeededAt: at,
              state: ok ? 'success' : 'failure',
              byWorkflow: !manual,
            }),
      ),
    fc
      .record({
        repo,
        tag,
        at: time,
        id: fc.integer({ min: 1, max: 30 }),
        attempt: fc.integer({ min: 1, max: 3 }),
        name: fc.constantFrom('CI', 'Rollback prod'),
        event: fc.constantFrom('push', 'workflow_dispatch'),
      })
      .map(
        ({ repo, tag, at, id, attempt, name, event }) =>
          () =>
            workflowRunCompleted({ repo, runId: id, attempt, name, event, commit: sha(tag), startedAt: at }),
      ),
    fc.record({ repo, tag, at: time, id: fc.integer({ min: 1, max: 30 }) }).map(
      ({ repo, tag, at, id }) =>
        () =>
          approvalGiven({ repo, runId: id, commit: sha(tag), at }),
    ),
    fc.record({ repo, tag, at: time, n: fc.integer({ min: 1, max: 20 }) }).map(
      ({ repo, tag, at, n }) =>
        () =>
          labeled({ repo, number: n, label: 'rollback', title: `Broken ${tag}`, at }),
    ),
    fc.record({ repo, at: time, n: fc.integer({ min: 1, max: 20 }), revert: fc.integer({ min: 1, max: 20 }) }).map(
      ({ repo, at, n, revert }) =>
        () =>
          pullMerged({
            repo,
            number: n,
            headRef: n % 2 ? `revert-${revert}-x` : 'feature',
            title: `PR ${n}`,
            mergedAt: at,
          }),
    ),
    fc.record({ repo, tag, at: time, reason: fc.constantFrom('db', 'DB ', 'errors') }).map(
      ({ repo, tag, at, reason }) =>
        () =>
          rollbackRecorded({ repo, commit: sha(tag), tag, reason, completedAt: at }),
    ),
    fc
      .record({
        repo,
        n: fc.integer({ min: 1, max: 10 }),
        opened: time,
        later: fc.nat(20 * 24 * 60),
        state: fc.constantFrom('open', 'fixed', 'dismissed', 'auto_dismissed' as const),
      })
      .map(({ repo, n, opened, later, state }) => () => {
        const updated = new Date(Date.parse(opened) + later * 60_000).toISOString();
        return alertEvent({
          repo,
          number: n,
          action: state === 'open' ? 'created' : state,
          state,
          createdAt: opened,
          updatedAt: updated,
          fixedAt: state === 'fixed' ? updated : null,
          dismissedAt: state === 'dismissed' ? updated : null,
          autoDismissedAt: state === 'auto_dismissed' ? updated : null,
        });
      }),
  );
}

/** 1–40 random deliveries about `repos`. */
export function scenarioArb(repos: readonly string[]): fc.Arbitrary<WebhookDelivery[]> {
  return fc.array(deliveryArb(repos), { minLength: 1, maxLength: 40 }).map((makers) => makers.map((make) => make()));
}
