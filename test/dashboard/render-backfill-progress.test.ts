// The dashboard says while an org's history is backfilled that its report is
// partial, how far each pass got, what was spent, whether it waits for
// GitHub's rate limit and when it should finish (docs/app.md, "The first hour").
import { describe, expect, it } from 'vitest';
import { renderDashboardPage } from '../../src/dashboard/index.ts';
import { renderBackfillProgress } from '../../src/dashboard/render-backfill-progress.ts';
import type { BackfillCounts } from '../../src/store/index.ts';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const MINUTE = 60_000;

const base: BackfillCounts = {
  total: 1000,
  done: 0,
  failed: 0,
  recentDone: 400,
  waitingUntil: null,
  requests: 420,
  points: 160,
  startedAt: T0,
  partialAt: null,
};

describe('renderBackfillProgress', () => {
  it('says the report is partial, how far each pass got and when it should finish', () => {
    const html = renderBackfillProgress({ progress: base, now: T0 + 4 * MINUTE });
    expect(html).toContain('role="status"');
    expect(html).toContain('Partial report: history is still being collected, newest periods first');
    expect(html).toContain('Current and last complete periods: 400 of 1000 repositories. Full history: 0 of 1000.');
    expect(html).toContain('Spent: 420 REST requests and 160 GraphQL points');
    // 400 of 2,000 units in 4 min: 16 min to go
    expect(html).toContain('Expected to finish around 2026-11-20 12:20 UTC.');
  });

  it('names the rate limit reset it waits for, and the moment the partial report was ready', () => {
    const html = renderBackfillProgress({
      progress: { ...base, recentDone: 1000, done: 300, partialAt: T0 + 5 * MINUTE, waitingUntil: T0 + 60 * MINUTE },
      now: T0 + 20 * MINUTE,
    });
    expect(html).toContain(
      'the current and last complete periods are collected for every repository (since 2026-11-20 12:05 UTC)',
    );
    expect(html).toContain('Waiting for GitHub’s rate limit to reset at 2026-11-20 13:00 UTC.');
    expect(html).toContain('Expected to finish around 2026-11-20 13:00 UTC.');
  });

  it('shows nothing once the backfill is done or when there is none', () => {
    expect(renderBackfillProgress({ progress: { ...base, done: 1000, recentDone: 1000 }, now: T0 })).toBe('');
    expect(renderBackfillProgress({ progress: null, now: T0 })).toBe('');
  });

  it('is part of the dashboard page while it runs', () => {
    const report = {
      now: '2026-11-20T12:04:00.000Z',
      periods: [],
      segments: [],
      releases: [],
    } as unknown as Parameters<typeof renderDashboardPage>[0]['report'];
    expect(renderDashboardPage({ report, org: 'acme', backfill: base })).toContain('aria-label="Backfill progress"');
    expect(renderDashboardPage({ report, org: 'acme' })).not.toContain('Backfill progress');
  });
});
