// Each rollback signal of docs/kpis.md, "Rollbacks", from real payloads.
import { describe, expect, it } from 'vitest';
import {
  coverageReported,
  deploymentSucceeded,
  labeled,
  pullMerged,
  releasePublished,
  releaseRetracted,
  rollbackRecorded,
  sha,
  tagPushed,
  workflowRunCompleted,
} from './deliveries.ts';
import { periodOf, releaseOf, reportOf } from './report-of.ts';

const repo = 'acme/api';
const now = '2026-03-20T00:00:00Z';
const v1 = releasePublished({ repo, tag: 'v1.0.0', publishedAt: '2026-03-01T10:00:00Z', commit: sha('v1') });
const v2 = releasePublished({ repo, tag: 'v1.1.0', publishedAt: '2026-03-02T10:00:00Z', commit: sha('v2') });
const cov = [
  coverageReported({ repo, commit: sha('v1'), covered: 9, total: 10, completedAt: '2026-03-01T09:00:00Z' }),
  coverageReported({ repo, commit: sha('v2'), covered: 9, total: 10, completedAt: '2026-03-02T09:00:00Z' }),
];
/** v1.1.0 deleted two days after it was published. */
const deleted = () =>
  releaseRetracted({
    repo,
    tag: 'v1.1.0',
    action: 'deleted',
    publishedAt: '2026-03-02T10:00:00Z',
    at: '2026-03-04T00:00:00Z',
  });
const deploy = (id: number, commit: string, at: string, createdAt = at, ref = 'main', environment = 'production') =>
  deploymentSucceeded({ repo, deploymentId: id, commit, ref, environment, createdAt, succeededAt: at });

describe('redeploy', () => {
  it('is a redeploy of an older release after the release in that environment, timed by how long it took', () => {
    const deliveries = [
      v1,
      v2,
      ...cov,
      deploy(1, sha('v2'), '2026-03-02T11:00:00Z'),
      deploy(2, sha('v1'), '2026-03-03T12:10:00Z', '2026-03-03T12:00:00Z'),
    ];
    const r = releaseOf(reportOf({ deliveries, now }), 'v1.1.0');
    expect(r.rollback).toMatchObject({ at: '2026-03-03T12:10:00.000Z', signal: 'redeploy', reason: null });
    expect(r.rollback?.durationMinutes).toBe(10);
    expect(periodOf(reportOf({ deliveries, now }), 'all', '2026-03-02T10:00:00.000Z').medianRollbackMinutes).toBe(10);
    expect(releaseOf(reportOf({ deliveries, now }), 'v1.0.0').rollback).toBeNull();
  });

  it('matches deployments by tag ref too (v1 or refs/tags/v1)', () => {
    const deliveries = [
      v1,
      v2,
      ...cov,
      deploy(1, sha('x1'), '2026-03-02T11:00:00Z', '2026-03-02T11:00:00Z', 'refs/tags/v1.1.0'),
      deploy(2, sha('x2'), '2026-03-03T12:00:00Z', '2026-03-03T12:00:00Z', 'v1.0.0'),
    ];
    expect(releaseOf(reportOf({ deliveries, now }), 'v1.1.0').rollback?.signal).toBe('redeploy');
  });

  it('is broken by a deployment of an unreleased commit in between, and kept per environment', () => {
    const broken = [
      v1,
      v2,
      ...cov,
      deploy(1, sha('v2'), '2026-03-02T11:00:00Z'),
      deploy(2, sha('unreleased'), '2026-03-02T12:00:00Z'),
      deploy(3, sha('v1'), '2026-03-02T13:00:00Z'),
    ];
    expect(releaseOf(reportOf({ deliveries: broken, now }), 'v1.1.0').rollback).toBeNull();
    const otherEnvironment = [
      v1,
      v2,
      ...cov,
      deploy(1, sha('v2'), '2026-03-02T11:00:00Z', '2026-03-02T11:00:00Z', 'main', 'staging'),
      deploy(2, sha('v1'), '2026-03-02T13:00:00Z', '2026-03-02T13:00:00Z', 'main', 'production'),
    ];
    expect(releaseOf(reportOf({ deliveries: otherEnvironment, now }), 'v1.1.0').rollback).toBeNull();
  });

  it('counts only successful deployments', () => {
    const failed = deploymentSucceeded({
      repo,
      deploymentId: 2,
      commit: sha('v1'),
      createdAt: '2026-03-03T12:00:00Z',
      succeededAt: '2026-03-03T12:00:00Z',
      state: 'failure',
    });
    const deliveries = [v1, v2, ...cov, deploy(1, sha('v2'), '2026-03-02T11:00:00Z'), failed];
    expect(releaseOf(reportOf({ deliveries, now }), 'v1.1.0').rollback).toBeNull();
  });

  it('learns a release sha from a tag push when target_commitish is a branch', () => {
    const byBranch = releasePublished({ repo, tag: 'v1.1.0', publishedAt: '2026-03-02T10:00:00Z' });
    const deliveries = [
      v1,
      byBranch,
      tagPushed({ repo, tag: 'v1.1.0', commit: sha('v2') }),
      deploy(1, sha('v2'), '2026-03-02T11:00:00Z'),
      deploy(2, sha('v1'), '2026-03-03T12:00:00Z'),
    ];
    const r = releaseOf(reportOf({ deliveries, now }), 'v1.1.0');
    expect(r.sha).toBe(sha('v2'));
    expect(r.rollback?.signal).toBe('redeploy');
  });
});

describe('retracted', () => {
  it('counts a deleted release at the delivery time', () => {
    const deliveries = [v2, ...cov, deleted()];
    expect(releaseOf(reportOf({ deliveries, now }), 'v1.1.0').rollback).toMatchObject({
      signal: 'retracted',
      at: '2026-03-04T00:00:00.000Z',
    });
  });

  it('uses the release publishedAt when the delivery has no time', () => {
    const deliveries = [
      v2,
      ...cov,
      releaseRetracted({ repo, tag: 'v1.1.0', action: 'unpublished', publishedAt: '2026-03-02T10:00:00Z' }),
    ];
    expect(releaseOf(reportOf({ deliveries, now }), 'v1.1.0').rollback?.at).toBe('2026-03-02T10:00:00.000Z');
  });

  it('counts marking a published, non-pre release as prerelease', () => {
    const deliveries = [
      v2,
      ...cov,
      releaseRetracted({
        repo,
        tag: 'v1.1.0',
        action: 'prereleased',
        publishedAt: '2026-03-02T10:00:00Z',
        at: '2026-03-03T00:00:00Z',
      }),
    ];
    expect(releaseOf(reportOf({ deliveries, now }), 'v1.1.0').rollback?.signal).toBe('retracted');
  });

  describe('a promoted prerelease (created as a prerelease, later released)', () => {
    const published = '2026-03-02T10:00:00Z';
    const promotion = ({ timed }: { timed: boolean }) => [
      releasePublished({
        repo,
        tag: 'v1.1.0',
        publishedAt: published,
        commit: sha('v2'),
        prerelease: true,
        ...(timed ? { at: published } : {}),
      }),
      releaseRetracted({
        repo,
        tag: 'v1.1.0',
        action: 'prereleased',
        publishedAt: published,
        ...(timed ? { at: '2026-03-02T10:00:01Z' } : {}),
      }),
      // GitHub keeps published_at when a prerelease is promoted
      releasePublished({
        repo,
        tag: 'v1.1.0',
        publishedAt: published,
        commit: sha('v2'),
        action: 'released',
        ...(timed ? { at: '2026-03-03T09:00:00Z' } : {}),
      }),
    ];

    it.each([true, false])('is not a retraction (deliveries timed: %s), in any order', (timed) => {
      for (const deliveries of [[...promotion({ timed }), ...cov], [...cov, ...promotion({ timed })].reverse()]) {
        const r = releaseOf(reportOf({ deliveries, now }), 'v1.1.0');
        expect(r).toMatchObject({ status: 'well-packaged', rollback: null, rollbacks: [], prerelease: false });
      }
    });

    it('is retracted when marked prerelease again after the promotion', () => {
      const again = releaseRetracted({
        repo,
        tag: 'v1.1.0',
        action: 'prereleased',
        publishedAt: published,
        at: '2026-03-04T00:00:00Z',
      });
      const r = releaseOf(reportOf({ deliveries: [...promotion({ timed: true }), again, ...cov], now }), 'v1.1.0');
      expect(r.rollback).toMatchObject({ signal: 'retracted', at: '2026-03-04T00:00:00.000Z' });
      expect(r.rollbacks).toHaveLength(1);
    });

    it('is retracted when deleted after the promotion', () => {
      const deleted = releaseRetracted({
        repo,
        tag: 'v1.1.0',
        action: 'deleted',
        publishedAt: published,
        at: '2026-03-05T00:00:00Z',
      });
      const r = releaseOf(reportOf({ deliveries: [...promotion({ timed: true }), deleted, ...cov], now }), 'v1.1.0');
      expect(r.rollback).toMatchObject({ signal: 'retracted', at: '2026-03-05T00:00:00.000Z' });
    });
  });

  it('counts one retraction said by several deliveries once', () => {
    const release = releaseOf(reportOf({ deliveries: [v2, ...cov, deleted(), deleted(), deleted()], now }), 'v1.1.0');
    expect(release.rollbacks).toEqual([
      {
        at: '2026-03-04T00:00:00.000Z',
        signal: 'retracted',
        reason: null,
        durationMinutes: null,
        evidence: { kind: 'release', tag: 'v1.1.0' },
      },
    ]);
  });

  it('can be switched off with rollback.signals', () => {
    const deliveries = [v2, ...cov, deleted()];
    const report = reportOf({ deliveries, now, config: 'rollback:\n  signals: [redeploy, workflow]\n' });
    expect(releaseOf(report, 'v1.1.0').status).toBe('well-packaged');
  });
});

describe('workflow', () => {
  const rollbackRun = (commit: string, startedAt: string, extra: object = {}) =>
    workflowRunCompleted({
      repo,
      runId: 77,
      name: 'Rollback production',
      commit,
      startedAt,
      updatedAt: '2026-03-03T12:03:00Z',
      displayTitle: 'Roll back: checkout errors',
      ...extra,
    });

  it('targets the release of the run head sha, with its display title, duration and run as evidence', () => {
    const deliveries = [v1, v2, ...cov, rollbackRun(sha('v2'), '2026-03-03T12:00:00Z')];
    expect(releaseOf(reportOf({ deliveries, now }), 'v1.1.0').rollback).toEqual({
      at: '2026-03-03T12:00:00.000Z',
      signal: 'workflow',
      reason: 'Roll back: checkout errors',
      durationMinutes: 3,
      evidence: { kind: 'workflow-run', runId: 77, attempt: 1 },
    });
  });

  it('else targets the latest release published strictly before the run', () => {
    const deliveries = [v1, v2, ...cov, rollbackRun(sha('main'), '2026-03-03T12:00:00Z')];
    expect(releaseOf(reportOf({ deliveries, now }), 'v1.1.0').rollback?.signal).toBe('workflow');
    expect(releaseOf(reportOf({ deliveries, now }), 'v1.0.0').rollback).toBeNull();
  });

  it('needs a successful run whose name matches rollback.workflows', () => {
    const failed = rollbackRun(sha('v2'), '2026-03-03T12:00:00Z', { conclusion: 'failure' });
    const other = rollbackRun(sha('v2'), '2026-03-03T12:00:00Z', { name: 'Deploy', runId: 78 });
    expect(releaseOf(reportOf({ deliveries: [v2, ...cov, failed, other], now }), 'v1.1.0').rollback).toBeNull();
    const exact = reportOf({ deliveries: [v2, ...cov, other], now, config: 'rollback:\n  workflows: [Deploy]\n' });
    expect(releaseOf(exact, 'v1.1.0').rollback?.signal).toBe('workflow');
    const partial = reportOf({ deliveries: [v2, ...cov, other], now, config: 'rollback:\n  workflows: [Dep]\n' });
    expect(releaseOf(partial, 'v1.1.0').rollback).toBeNull();
  });
});

describe('label', () => {
  it('counts every tag named as a whole word in a rollback-labelled issue', () => {
    const deliveries = [
      v1,
      v2,
      ...cov,
      labeled({
        repo,
        number: 5,
        label: 'Rollback',
        title: 'Payment errors after v1.1.0',
        body: 'Also v1.0.0 misbehaves; v1.0.00 is not a tag',
        at: '2026-03-02T12:00:00Z',
      }),
    ];
    const report = reportOf({ deliveries, now });
    expect(releaseOf(report, 'v1.1.0').rollback).toMatchObject({
      signal: 'label',
      reason: 'Payment errors after v1.1.0',
    });
    // v1.0.0 is named too, but the labelling is after its window? No: 03-02 is inside v1.0.0's window.
    expect(releaseOf(report, 'v1.0.0').rollback?.signal).toBe('label');
  });

  it('needs the tag as a whole, case-sensitive word and a rollback label', () => {
    const deliveries = [
      v2,
      ...cov,
      labeled({
        repo,
        number: 5,
        label: 'rollback',
        title: 'problems in xv1.1.0 and V1.1.0',
        at: '2026-03-02T12:00:00Z',
      }),
      labeled({
        repo,
        number: 6,
        label: 'bug',
        title: 'v1.1.0 broke',
        at: '2026-03-02T12:00:00Z',
        kind: 'pull_request',
      }),
    ];
    expect(releaseOf(reportOf({ deliveries, now }), 'v1.1.0').rollback).toBeNull();
  });

  describe('whole words in any script', () => {
    const tagged = (tag: string, title: string, body: string | null = null) => {
      const release = releasePublished({ repo, tag, publishedAt: '2026-03-02T10:00:00Z', commit: sha('v2') });
      const issue = labeled({ repo, number: 7, label: 'rollback', title, body, at: '2026-03-03T12:00:00Z' });
      return releaseOf(reportOf({ deliveries: [release, ...cov, issue], now }), tag).rollback;
    };

    it.each([
      ['версия-1', 'Откат: версия-1 сломала оплату'],
      ['v3🚀', 'Rolled back v3🚀 after launch'],
      ['v3🚀', 'v3🚀x is not a word, but v3🚀 is'],
      ['v2-', 'Rolling back v2- (the dash is part of the tag)'],
      ['v2-', 'v2-'],
      ['1.0(beta)+build.7', 'revert 1.0(beta)+build.7 now'],
      ['v1.1.0', '«v1.1.0» — rolled back'],
    ])('finds %s in %j', (tag, title) => {
      expect(tagged(tag, title)).toMatchObject({ signal: 'label', reason: title });
    });

    it.each([
      ['версия-1', 'Откат: неверсия-1 и версия-10'],
      ['v3🚀', 'v3🚀x only'],
      ['v2-', 'v2-beta broke'],
      ['v1', 'v1_hotfix and Бv1 and v1٣ (an Arabic-Indic digit) and 𝐀v1 (a letter beyond U+FFFF)'],
      ['1.0(beta)+build.7', 'revert 1.0(beta)+build.77 or 1.0(beta)+build.7x'],
    ])('does not find %s in %j', (tag, title) => {
      expect(tagged(tag, title)).toBeNull();
    });
  });
});

describe('revert-pr', () => {
  it('rolls back the first release published at or after the reverted PR merged', () => {
    const deliveries = [
      v1,
      v2,
      ...cov,
      pullMerged({ repo, number: 41, headRef: 'feature/pay', title: 'New payments', mergedAt: '2026-03-01T12:00:00Z' }),
      pullMerged({
        repo,
        number: 42,
        headRef: 'revert-41-feature/pay',
        title: 'Revert "New payments"',
        mergedAt: '2026-03-04T08:00:00Z',
      }),
    ];
    const report = reportOf({ deliveries, now });
    expect(releaseOf(report, 'v1.1.0').rollback).toMatchObject({
      signal: 'revert-pr',
      at: '2026-03-04T08:00:00.000Z',
      reason: 'Revert "New payments"',
    });
    expect(releaseOf(report, 'v1.0.0').rollback).toBeNull();
  });

  it('needs the reverted PR in the log', () => {
    const deliveries = [
      v2,
      ...cov,
      pullMerged({
        repo,
        number: 42,
        headRef: 'revert-41-feature/pay',
        title: 'Revert',
        mergedAt: '2026-03-04T08:00:00Z',
      }),
    ];
    expect(releaseOf(reportOf({ deliveries, now }), 'v1.1.0').rollback).toBeNull();
  });
});

describe('recorded', () => {
  it('targets Release: TAG, else the check run head sha, with its reason', () => {
    const byTag = rollbackRecorded({
      repo,
      commit: sha('elsewhere'),
      tag: 'v1.0.0',
      reason: 'DB migration',
      completedAt: '2026-03-02T00:00:00Z',
    });
    const bySha = rollbackRecorded({ repo, commit: sha('v2'), tag: 'v9.9.9', completedAt: '2026-03-05T00:00:00Z' });
    const report = reportOf({ deliveries: [v1, v2, ...cov, byTag, bySha], now });
    expect(releaseOf(report, 'v1.0.0').rollback).toMatchObject({ signal: 'recorded', reason: 'DB migration' });
    expect(releaseOf(report, 'v1.1.0').rollback).toMatchObject({ signal: 'recorded', reason: null });
  });
});

describe('several rollbacks of one release', () => {
  it('counts the first; at one instant the signal order decides; later ones are listed', () => {
    const at = '2026-03-03T12:00:00Z';
    const deliveries = [
      v1,
      v2,
      ...cov,
      rollbackRecorded({ repo, commit: sha('v2'), tag: 'v1.1.0', reason: 'recorded', completedAt: at }),
      labeled({ repo, number: 5, label: 'rollback', title: 'v1.1.0 is broken', at }),
      deleted(),
    ];
    const r = releaseOf(reportOf({ deliveries, now }), 'v1.1.0');
    expect(r.rollback?.signal).toBe('label');
    expect(r.rollbacks.map((x) => x.signal)).toEqual(['label', 'recorded', 'retracted']);
  });

  it('groups top rollback reasons case-insensitively, showing the earliest text, by count then text', () => {
    const rel = (n: number) =>
      releasePublished({ repo, tag: `v3.${n}`, publishedAt: `2026-03-0${n}T10:00:00Z`, commit: sha(`r${n}`) });
    const rec = (n: number, reason: string) =>
      rollbackRecorded({ repo, commit: sha(`r${n}`), tag: `v3.${n}`, reason, completedAt: `2026-03-0${n}T11:00:00Z` });
    const deliveries = [
      rel(1),
      rel(2),
      rel(3),
      rel(4),
      rel(5),
      rel(6),
      rec(1, ' Payment errors '),
      rec(2, 'payment ERRORS'),
      rec(3, 'Bad config'),
      rec(4, '  '),
      rec(5, 'Zebra'),
      rec(6, 'Alpha'),
    ];
    const all = reportOf({ deliveries, now }).segments[0]!;
    expect(all.topRollbackReasons).toEqual([
      { reason: 'Payment errors', count: 2 },
      { reason: 'Alpha', count: 1 },
      { reason: 'Bad config', count: 1 },
    ]);
  });
});
