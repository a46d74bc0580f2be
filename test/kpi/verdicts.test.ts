// Release verdicts at the edges docs/kpis.md, "The North Star: well-packaged releases per two weeks" pins down, from real payloads.
import { describe, expect, it } from 'vitest';
import { coverageReported, deploymentSucceeded, releasePublished, sha, workflowRunCompleted } from './deliveries.ts';
import { periodOf, releaseOf, reportOf } from './report-of.ts';

const repo = 'acme/api';
const commit = sha('rel');
const published = '2026-03-02T10:00:00Z';
const windowEnd = '2026-03-09T10:00:00Z';

function release(extra: Parameters<typeof releasePublished>[0] | object = {}) {
  return releasePublished({ repo, tag: 'v1.0.0', publishedAt: published, commit, ...extra });
}
function coverage(covered: number, total: number, completedAt = '2026-03-02T09:00:00Z') {
  return coverageReported({ repo, commit, covered, total, completedAt });
}

describe('the rollback window', () => {
  it('is pending until now reaches publishedAt + 7 days exactly, then well-packaged', () => {
    const deliveries = [release(), coverage(90, 100)];
    expect(releaseOf(reportOf({ deliveries, now: '2026-03-09T09:59:59.999Z' }), 'v1.0.0').status).toBe('pending');
    const closed = releaseOf(reportOf({ deliveries, now: windowEnd }), 'v1.0.0');
    expect(closed.status).toBe('well-packaged');
    expect(closed.windowEnd).toBe('2026-03-09T10:00:00.000Z');
  });

  it('counts a rollback one second before the window ends, not one at its end', () => {
    const redeploy = (deploymentId: number, at: string, of: string) =>
      deploymentSucceeded({ repo, deploymentId, commit: of, createdAt: at, succeededAt: at });
    const older = releasePublished({ repo, tag: 'v0.9.0', publishedAt: '2026-02-20T10:00:00Z', commit: sha('old') });
    const base = [older, release(), coverage(90, 100), redeploy(1, '2026-03-02T11:00:00Z', commit)];
    const inside = reportOf({
      deliveries: [...base, redeploy(2, '2026-03-09T09:59:59Z', sha('old'))],
      now: '2026-03-20T00:00:00Z',
    });
    expect(releaseOf(inside, 'v1.0.0').reasons).toEqual(['rolled-back']);
    const atEnd = reportOf({ deliveries: [...base, redeploy(2, windowEnd, sha('old'))], now: '2026-03-20T00:00:00Z' });
    expect(releaseOf(atEnd, 'v1.0.0')).toMatchObject({ status: 'well-packaged', rollback: null });
  });

  it('follows a segment override of the window', () => {
    const deliveries = [release(), coverage(90, 100)];
    const report = reportOf({
      deliveries,
      now: '2026-03-05T10:00:00Z',
      config: 'segment: cloud\noverrides:\n  cloud:\n    rollbackWindow: 3d\n',
    });
    expect(releaseOf(report, 'v1.0.0').status).toBe('well-packaged');
  });
});

describe('DevOps activities', () => {
  const dispatch = (runId: number, startedAt: string) =>
    workflowRunCompleted({ repo, runId, event: 'workflow_dispatch', name: 'Deploy', commit, startedAt });

  it('needs strictly fewer than maxDevopsActivities', () => {
    const two = [
      release(),
      coverage(90, 100),
      dispatch(1, '2026-03-02T11:00:00Z'),
      dispatch(2, '2026-03-02T12:00:00Z'),
    ];
    expect(releaseOf(reportOf({ deliveries: two, now: '2026-03-20T00:00:00Z' }), 'v1.0.0')).toMatchObject({
      status: 'well-packaged',
      devopsActivities: 2,
    });
    const three = [...two, dispatch(3, '2026-03-02T13:00:00Z')];
    expect(releaseOf(reportOf({ deliveries: three, now: '2026-03-02T14:00:00Z' }), 'v1.0.0')).toMatchObject({
      status: 'not-well-packaged',
      reasons: ['devops-activities'],
      devopsActivities: 3,
    });
  });

  it('ignores activities at or after the window end', () => {
    const deliveries = [
      release(),
      coverage(90, 100),
      dispatch(1, '2026-03-02T11:00:00Z'),
      dispatch(2, '2026-03-02T12:00:00Z'),
      dispatch(3, windowEnd),
    ];
    expect(releaseOf(reportOf({ deliveries, now: '2026-03-20T00:00:00Z' }), 'v1.0.0').devopsActivities).toBe(2);
  });
});

describe('coverage', () => {
  it('passes exactly at the threshold and fails one line below, on the exact ratio', () => {
    const at = (covered: number, total: number) =>
      releaseOf(reportOf({ deliveries: [release(), coverage(covered, total)], now: '2026-03-20T00:00:00Z' }), 'v1.0.0');
    expect(at(80, 100).status).toBe('well-packaged');
    expect(at(4, 5).status).toBe('well-packaged');
    // 79.99 % would round to 80.0 for display, but it is below the threshold.
    const below = at(7999, 10000);
    expect(below).toMatchObject({ status: 'not-well-packaged', reasons: ['coverage-below-threshold'], coverage: 80 });
  });

  it('is lifted by a newer report for the release sha inside the window', () => {
    const deliveries = [release(), coverage(70, 100), coverage(85, 100, '2026-03-04T00:00:00Z')];
    expect(releaseOf(reportOf({ deliveries, now: '2026-03-03T00:00:00Z' }), 'v1.0.0').reasons).toEqual([
      'coverage-below-threshold',
    ]);
    expect(releaseOf(reportOf({ deliveries, now: '2026-03-20T00:00:00Z' }), 'v1.0.0')).toMatchObject({
      status: 'well-packaged',
      coverage: 85,
    });
  });

  it('ignores reports for the sha after the window closes', () => {
    const deliveries = [release(), coverage(70, 100), coverage(95, 100, windowEnd)];
    expect(releaseOf(reportOf({ deliveries, now: '2026-03-20T00:00:00Z' }), 'v1.0.0').coverage).toBe(70);
  });

  it('is missing only once the window closes; a zero-line report is no coverage and has no fallback', () => {
    const older = coverageReported({
      repo,
      commit: sha('main'),
      covered: 95,
      total: 100,
      completedAt: '2026-03-01T00:00:00Z',
    });
    const deliveries = [release(), older, coverage(0, 0)];
    expect(releaseOf(reportOf({ deliveries, now: '2026-03-05T00:00:00Z' }), 'v1.0.0').status).toBe('pending');
    expect(releaseOf(reportOf({ deliveries, now: '2026-03-20T00:00:00Z' }), 'v1.0.0')).toMatchObject({
      status: 'not-well-packaged',
      reasons: ['coverage-missing'],
      coverage: null,
    });
  });

  it('falls back to the latest report at or before publishing, unless fallback is none', () => {
    const older = coverageReported({ repo, commit: sha('main'), covered: 82, total: 100, completedAt: published });
    const after = coverageReported({
      repo,
      commit: sha('next'),
      covered: 99,
      total: 100,
      completedAt: '2026-03-02T10:00:01Z',
    });
    const deliveries = [release(), older, after];
    const withFallback = releaseOf(reportOf({ deliveries, now: '2026-03-20T00:00:00Z' }), 'v1.0.0');
    expect(withFallback).toMatchObject({ status: 'well-packaged', coverage: 82 });
    expect(withFallback.coverageReport).toMatchObject({ fallback: true, covered: 82, total: 100 });
    const without = reportOf({ deliveries, now: '2026-03-20T00:00:00Z', config: 'coverage: { fallback: none }' });
    expect(releaseOf(without, 'v1.0.0').reasons).toEqual(['coverage-missing']);
  });

  it('uses a segment override of the threshold (iOS at 70 %, cloud at 80 %)', () => {
    const config = 'segments:\n  ios: ["acme/app-*"]\n  cloud: ["acme/*"]\noverrides:\n  ios: { minCoverage: 70 }\n';
    const ios = releasePublished({ repo: 'acme/app-ios', tag: 'v2', publishedAt: published, commit: sha('ios') });
    const iosCov = coverageReported({
      repo: 'acme/app-ios',
      commit: sha('ios'),
      covered: 75,
      total: 100,
      completedAt: published,
    });
    const report = reportOf({
      deliveries: [release(), coverage(75, 100), ios, iosCov],
      now: '2026-03-20T00:00:00Z',
      config,
    });
    expect(releaseOf(report, 'v2')).toMatchObject({ segment: 'ios', status: 'well-packaged' });
    expect(releaseOf(report, 'v1.0.0')).toMatchObject({ segment: 'cloud', reasons: ['coverage-below-threshold'] });
  });
});

describe('releases in scope', () => {
  it('leaves prereleases out unless includePrereleases, and never counts drafts', () => {
    const pre = releasePublished({ repo, tag: 'v2.0.0-rc.1', publishedAt: published, commit, prerelease: true });
    const draft = releasePublished({ repo, tag: 'v3-draft', publishedAt: published, commit });
    (draft.payload as { release: { draft: boolean } }).release.draft = true;
    expect(reportOf({ deliveries: [pre, draft], now: '2026-03-20T00:00:00Z' }).releases).toEqual([]);
    const included = reportOf({
      deliveries: [pre, draft],
      now: '2026-03-20T00:00:00Z',
      config: 'includePrereleases: true',
    });
    expect(included.releases.map((r) => r.tag)).toEqual(['v2.0.0-rc.1']);
  });

  it('is a prerelease only if every published delivery says so', () => {
    const pre = releasePublished({ repo, tag: 'v2.0.0', publishedAt: published, commit, prerelease: true });
    const full = releasePublished({ repo, tag: 'v2.0.0', publishedAt: '2026-03-03T10:00:00Z', commit });
    const report = reportOf({ deliveries: [pre, full], now: '2026-03-20T00:00:00Z' });
    // The earliest publishedAt counts.
    expect(report.releases.map((r) => [r.tag, r.publishedAt])).toEqual([['v2.0.0', '2026-03-02T10:00:00.000Z']]);
  });

  it('ignores releases published after now', () => {
    const report = reportOf({ deliveries: [release()], now: '2026-03-02T09:59:59Z' });
    expect(report.releases).toEqual([]);
  });
});

describe('periods', () => {
  it('puts a release published exactly at a period start into that period', () => {
    const atStart = releasePublished({ repo, tag: 'v9', publishedAt: '2026-03-09T00:00:00Z', commit });
    const report = reportOf({ deliveries: [atStart], now: '2026-03-20T00:00:00Z' });
    expect(periodOf(report, 'all', '2026-03-09T00:00:00.000Z')).toMatchObject({
      start: '2026-03-09T00:00:00.000Z',
      releases: 1,
    });
    expect(periodOf(report, 'all', '2026-03-08T23:59:59.999Z').releases).toBe(0);
  });

  it('follows a custom period and anchor', () => {
    const report = reportOf({
      deliveries: [release()],
      now: '2026-03-20T00:00:00Z',
      config: 'period: 7d\nperiodAnchor: "2026-01-05T00:00:00Z"\nhistory: 2\n',
    });
    expect(report.periods).toEqual([
      { start: '2026-03-02T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z', current: false },
      { start: '2026-03-09T00:00:00.000Z', end: '2026-03-16T00:00:00.000Z', current: false },
      { start: '2026-03-16T00:00:00.000Z', end: '2026-03-23T00:00:00.000Z', current: true },
    ]);
    expect(periodOf(report, 'all', '2026-03-02T10:00:00.000Z').releases).toBe(1);
  });
});
