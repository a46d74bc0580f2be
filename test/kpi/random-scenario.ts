// Random scenarios for the KPI engine's laws: any mix of the deliveries it
// reads, over a few repos and a span of time around NOW, built from real
// payloads. Every signal is covered: releases (prereleases, hotfixes, shas
// from target_commitish or a tag push, moved tags), retractions with and
// without a delivery time, coverage reports (a check run reported again),
// deployments in several environments by commit or tag ref, workflow runs
// (re-runs, dispatches, rollback workflows, tag branches), approvals,
// rollback labels naming a tag in the title or body, revert PRs, recorded
// rollbacks by tag or commit, alerts observed several times, and (on request)
// topics that move a repo to another segment.
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
  repositoryTouched,
  rollbackRecorded,
  sha,
  tagPushed,
  workflowRunCompleted,
} from './deliveries.ts';

export const NOW = '2026-03-20T00:00:00Z';

/**
 * Where scenario times fall, how many tags there are, whether topics change,
 * whether times spread evenly (rather than fast-check's bias towards the
 * span's ends, which piles facts up at its start), and how often releases come.
 */
export interface ScenarioSpan {
  start: string;
  end: string;
  tags: number;
  topics?: boolean;
  even?: boolean;
  /** How much likelier a release is than any other kind of delivery. */
  releaseWeight?: number;
  /** Times fall on multiples of this many minutes (ties and window edges become common). */
  grid?: number;
}

const AROUND_NOW: ScenarioSpan = { start: '2026-01-20T00:00:00Z', end: '2026-03-25T00:00:00Z', tags: 6 };

const iso = (ms: number): string => new Date(ms).toISOString();
const MINUTE = 60_000;

/** One random delivery about one of `repos`, any of the kinds the engine reads. */
export function deliveryArb(
  repos: readonly string[],
  span: ScenarioSpan = AROUND_NOW,
): fc.Arbitrary<() => WebhookDelivery> {
  const start = Date.parse(span.start);
  const minutes = (Date.parse(span.end) - start) / MINUTE;
  const repo = fc.constantFrom(...repos);
  const grid = span.grid ?? 1;
  const minute = (
    span.even ? fc.noBias(fc.integer({ min: 0, max: minutes })) : fc.integer({ min: 0, max: minutes })
  ).map((m) => m - (m % grid));
  const time = minute.map((m) => iso(start + m * MINUTE));
  const tag = fc.integer({ min: 0, max: span.tags - 1 }).map((n) => `v1.${n}.0`);
  /** A released commit, or one no release names. */
  const commit = fc.oneof(tag.map(sha), fc.constantFrom(sha('unreleased'), sha('v1.0.0m')));
  const ref = (t: string, kind: 'main' | 'tag' | 'refs'): string =>
    kind === 'main' ? 'main' : kind === 'tag' ? t : `refs/tags/${t}`;
  const kinds: fc.Arbitrary<() => WebhookDelivery>[] = [
    fc.record({ repo, tag, at: time, pre: fc.boolean(), hotfix: fc.nat(5), byTarget: fc.nat(3), late: fc.nat(3) }).map(
      ({ repo, tag, at, pre, hotfix, byTarget, late }) =>
        () =>
          releasePublished({
            repo,
            tag,
            publishedAt: at,
            commit: byTarget > 0 ? sha(tag) : 'main',
            prerelease: pre,
            name: hotfix === 0 ? `hotfix ${tag}` : tag,
            ...(late === 0 ? { at: iso(Date.parse(at) + 5 * MINUTE) } : {}),
          }),
    ),
    fc
      .record({
        repo,
        tag,
        at: time,
        action: fc.constantFrom('deleted', 'unpublished', 'prereleased' as const),
        timed: fc.nat(3),
      })
      .map(
        ({ repo, tag, at, action, timed }) =>
          () =>
            releaseRetracted({ repo, tag, action, publishedAt: at, ...(timed > 0 ? { at } : {}) }),
      ),
    fc.record({ repo, tag, moved: fc.boolean() }).map(
      ({ repo, tag, moved }) =>
        () =>
          tagPushed({ repo, tag, commit: sha(moved ? `${tag}m` : tag) }),
    ),
    fc
      .record({ repo, commit, at: time, covered: fc.nat(100), extra: fc.nat(40), id: fc.integer({ min: 1, max: 40 }) })
      .map(
        ({ repo, commit, at, covered, extra, id }) =>
          () =>
            coverageReported({ repo, commit, covered, total: covered + extra, completedAt: at, id: 10_000 + id }),
      ),
    fc
      .record({
        repo,
        tag,
        commit,
        refKind: fc.constantFrom('main', 'tag', 'refs' as const),
        at: minute,
        lag: fc.nat(24 * 60),
        id: fc.integer({ min: 1, max: 30 }),
        env: fc.constantFrom('prod', 'staging', 'qa'),
        state: fc.constantFrom('success', 'success', 'failure', 'in_progress'),
        manual: fc.boolean(),
      })
      .map(
        ({ repo, tag, commit, refKind, at, lag, id, env, state, manual }) =>
          () =>
            deploymentSucceeded({
              repo,
              deploymentId: id,
              commit,
              ref: ref(tag, refKind),
              environment: env,
              createdAt: iso(start + at * MINUTE),
              succeededAt: iso(start + (at + lag) * MINUTE),
              state,
              byWorkflow: !manual,
            }),
      ),
    fc
      .record({
        repo,
        tag,
        commit,
        at: minute,
        took: fc.nat(180),
        id: fc.integer({ min: 1, max: 30 }),
        attempt: fc.integer({ min: 1, max: 3 }),
        name: fc.constantFrom('CI', 'Rollback prod'),
        event: fc.constantFrom('push', 'workflow_dispatch'),
        onTag: fc.boolean(),
      })
      .map(
        ({ repo, tag, commit, at, took, id, attempt, name, event, onTag }) =>
          () =>
            workflowRunCompleted({
              repo,
              runId: id,
              attempt,
              name,
              event,
              commit,
              branch: onTag ? tag : 'main',
              startedAt: iso(start + at * MINUTE),
              updatedAt: iso(start + (at + took) * MINUTE),
            }),
      ),
    fc
      .record({
        repo,
        tag,
        commit,
        at: time,
        id: fc.integer({ min: 1, max: 30 }),
        onTag: fc.boolean(),
        wait: fc.nat(240),
        told: fc.constantFrom('since', 'run-start', 'neither'),
      })
      .map(({ repo, tag, commit, at, id, onTag, wait, told }) => () => {
        const waitingSince = iso(Date.parse(at) - wait * MINUTE);
        return approvalGiven({
          repo,
          runId: id,
          commit,
          branch: onTag ? tag : 'main',
          at,
          ...(told === 'since' ? { since: waitingSince } : told === 'run-start' ? { runStartedAt: waitingSince } : {}),
        });
      }),
    fc
      .record({
        repo,
        tag,
        at: time,
        n: fc.integer({ min: 1, max: 20 }),
        label: fc.constantFrom('rollback', 'Rollback', 'bug'),
        inBody: fc.boolean(),
      })
      .map(
        ({ repo, tag, at, n, label, inBody }) =>
          () =>
            labeled({
              repo,
              number: n,
              label,
              title: inBody ? 'Broken release' : `Broken ${tag}`,
              body: inBody ? `It was ${tag}.` : null,
              at,
            }),
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
    fc.record({ repo, tag, commit, at: time, named: fc.boolean(), reason: fc.constantFrom('db', 'DB ', 'errors') }).map(
      ({ repo, tag, commit, at, named, reason }) =>
        () =>
          rollbackRecorded({
            repo,
            commit: named ? sha(tag) : commit,
            ...(named ? { tag } : {}),
            reason,
            completedAt: at,
          }),
    ),
    fc
      .record({
        repo,
        n: fc.integer({ min: 1, max: 10 }),
        opened: minute,
        later: fc.nat(20 * 24 * 60),
        state: fc.constantFrom('open', 'fixed', 'dismissed', 'auto_dismissed' as const),
        severity: fc.constantFrom('high', 'critical', 'moderate', 'low'),
      })
      .map(({ repo, n, opened, later, state, severity }) => () => {
        const updated = iso(start + (opened + later) * MINUTE);
        return alertEvent({
          repo,
          number: n,
          action: state === 'open' ? 'created' : state,
          state,
          createdAt: iso(start + opened * MINUTE),
          updatedAt: updated,
          fixedAt: state === 'fixed' ? updated : null,
          dismissedAt: state === 'dismissed' ? updated : null,
          autoDismissedAt: state === 'auto_dismissed' ? updated : null,
          severity,
        });
      }),
  ];
  if (span.topics) {
    kinds.push(
      fc.record({ repo, at: time, topics: fc.constantFrom([], ['ios'], ['cloud'], ['on-prem']) }).map(
        ({ repo, at, topics }) =>
          () =>
            repositoryTouched({ repo, topics: [...topics], at }),
      ),
    );
  }
  // Releases are what everything else is attributed to: a longer history needs more of them.
  return fc.oneof(...kinds.map((arbitrary, i) => ({ arbitrary, weight: i === 0 ? (span.releaseWeight ?? 1) : 1 })));
}

/** A release published and then retracted inside its window (a random scenario rarely lines them up). */
export function retractedReleaseArb(repos: readonly string[]): fc.Arbitrary<WebhookDelivery[]> {
  const start = Date.parse(AROUND_NOW.start);
  return fc
    .record({
      repo: fc.constantFrom(...repos),
      n: fc.integer({ min: 0, max: AROUND_NOW.tags - 1 }),
      day: fc.integer({ min: 0, max: 50 }),
      lag: fc.integer({ min: 0, max: 6 * 24 * 60 }),
      action: fc.constantFrom('deleted', 'unpublished', 'prereleased' as const),
    })
    .map(({ repo, n, day, lag, action }) => {
      const tag = `v1.${n}.0`;
      const publishedAt = iso(start + day * 86_400_000);
      return [
        releasePublished({ repo, tag, publishedAt, commit: sha(tag) }),
        releaseRetracted({ repo, tag, action, publishedAt, at: iso(Date.parse(publishedAt) + lag * MINUTE) }),
      ];
    });
}

/** 1–40 random deliveries about `repos`. */
export function scenarioArb(repos: readonly string[]): fc.Arbitrary<WebhookDelivery[]> {
  return fc.array(deliveryArb(repos), { minLength: 1, maxLength: 40 }).map((makers) => makers.map((make) => make()));
}

/** A longer history: `minLength`–`maxLength` deliveries about `repos` over `span`. */
export function historyArb({
  repos,
  span,
  minLength = 1,
  maxLength = 80,
}: {
  repos: readonly string[];
  span: ScenarioSpan;
  minLength?: number;
  maxLength?: number;
}): fc.Arbitrary<WebhookDelivery[]> {
  return fc
    .array(deliveryArb(repos, span), { minLength, maxLength, size: 'max' })
    .map((makers) => makers.map((make) => make()));
}
