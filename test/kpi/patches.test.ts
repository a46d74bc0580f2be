// Security-patch settlement (docs/kpis.md, "Security-patch coverage"), from real dependabot_alert payloads.
import { describe, expect, it } from 'vitest';
import { alertEvent } from './deliveries.ts';
import { periodOf, reportOf } from './report-of.ts';

const repo = 'acme/api';
const opened = '2026-03-02T00:00:00Z';
const due = '2026-03-09T00:00:00Z';
const now = '2026-03-20T00:00:00Z';

const created = (number = 1, severity = 'high') =>
  alertEvent({ repo, number, action: 'created', state: 'open', createdAt: opened, updatedAt: opened, severity });
const fixed = (at: string, number = 1) =>
  alertEvent({ repo, number, action: 'fixed', state: 'fixed', createdAt: opened, updatedAt: at, fixedAt: at });
const dismissed = (at: string, auto = false, number = 1) =>
  alertEvent({
    repo,
    number,
    action: auto ? 'auto_dismissed' : 'dismissed',
    state: auto ? 'auto_dismissed' : 'dismissed',
    createdAt: opened,
    updatedAt: at,
    ...(auto ? { autoDismissedAt: at } : { dismissedAt: at }),
  });

function patchesIn(deliveries: Parameters<typeof reportOf>[0]['deliveries'], periodAt: string, config = '') {
  const report = reportOf({ deliveries, now, config });
  const p = periodOf(report, 'all', periodAt);
  return { settled: p.patchesSettled, inSla: p.patchesInSla, coverage: p.patchCoverage, segment: report.segments[0]! };
}

describe('settlement', () => {
  it('is in SLA when fixed exactly at the due time, settling at the fix', () => {
    expect(patchesIn([created(), fixed(due)], due)).toMatchObject({ settled: 1, inSla: 1, coverage: 100 });
  });

  it('is breached at due when fixed one second late; the late fix changes nothing', () => {
    const late = patchesIn([created(), fixed('2026-03-09T00:00:01Z')], due);
    expect(late).toMatchObject({ settled: 1, inSla: 0, coverage: 0 });
  });

  it('is breached at due while still open, and open past due is counted', () => {
    const r = patchesIn([created()], due);
    expect(r).toMatchObject({ settled: 1, inSla: 0 });
    expect(r.segment.openAlertsPastDue).toBe(1);
  });

  it('is pending before due', () => {
    const report = reportOf({ deliveries: [created()], now: '2026-03-08T00:00:00Z' });
    expect(report.segments[0]!.periods.reduce((n, p) => n + p.patchesSettled, 0)).toBe(0);
    expect(report.segments[0]!.openAlertsPastDue).toBe(0);
  });

  it('follows the SLA of the severity; moderate is medium', () => {
    const config = 'patches:\n  sla: { critical: 1d, medium: 2d }\n';
    const crit = alertEvent({
      repo,
      number: 2,
      action: 'fixed',
      state: 'fixed',
      createdAt: opened,
      updatedAt: '2026-03-03T12:00:00Z',
      fixedAt: '2026-03-03T12:00:00Z',
      severity: 'critical',
    });
    const mod = alertEvent({
      repo,
      number: 3,
      action: 'fixed',
      state: 'fixed',
      createdAt: opened,
      updatedAt: '2026-03-03T12:00:00Z',
      fixedAt: '2026-03-03T12:00:00Z',
      severity: 'moderate',
    });
    const high = alertEvent({
      repo,
      number: 4,
      action: 'fixed',
      state: 'fixed',
      createdAt: opened,
      updatedAt: '2026-03-03T12:00:00Z',
      fixedAt: '2026-03-03T12:00:00Z',
      severity: 'high',
    });
    expect(patchesIn([crit, mod, high], '2026-03-03T00:00:00Z', config)).toMatchObject({ settled: 3, inSla: 2 });
  });

  it('keeps the first fix: a reintroduction does not unsettle it', () => {
    const reopened = alertEvent({
      repo,
      number: 1,
      action: 'reintroduced',
      state: 'open',
      createdAt: opened,
      updatedAt: '2026-03-12T00:00:00Z',
    });
    const r = patchesIn([created(), fixed('2026-03-05T00:00:00Z'), reopened], '2026-03-05T00:00:00Z');
    expect(r).toMatchObject({ settled: 1, inSla: 1 });
    expect(r.segment.openAlertsPastDue).toBe(1);
  });
});

describe('dismissals', () => {
  it('excludes an alert dismissed by its due time and still dismissed', () => {
    for (const auto of [false, true]) {
      const r = patchesIn([created(), dismissed(due, auto)], due);
      expect(r.settled).toBe(0);
      expect(r.segment.openAlertsPastDue).toBe(0);
    }
  });

  it('keeps a late dismissal breached', () => {
    expect(patchesIn([created(), dismissed('2026-03-10T00:00:00Z')], due)).toMatchObject({ settled: 1, inSla: 0 });
  });

  it('counts a dismissal as a fix with dismissedAsFixed', () => {
    const config = 'patches:\n  dismissedAsFixed: true\n';
    expect(patchesIn([created(), dismissed('2026-03-04T00:00:00Z')], '2026-03-04T00:00:00Z', config)).toMatchObject({
      settled: 1,
      inSla: 1,
    });
  });
});

describe('time to fix', () => {
  it('is the median hours from opened to the first fix, mean of the middle two for an even count', () => {
    const deliveries = [
      fixed('2026-03-02T10:00:00Z', 1),
      fixed('2026-03-03T00:00:00Z', 2),
      fixed('2026-03-04T00:00:00Z', 3),
      fixed('2026-03-10T00:00:00Z', 4),
    ];
    // 10 h, 24 h, 48 h, 192 h → (24 + 48) / 2
    expect(reportOf({ deliveries, now }).segments[0]!.medianTimeToFixHours).toBe(36);
  });

  it('takes an unknown severity from the newest observation that names one, whatever the delivery order', () => {
    const seen = (severity: string, updatedAt: string) =>
      alertEvent({ repo, number: 1, action: 'reopened', state: 'open', createdAt: opened, updatedAt, severity });
    const observations = [
      seen('critical', '2026-03-02T01:00:00Z'),
      seen('high', '2026-03-02T02:00:00Z'),
      seen('catastrophic', '2026-03-02T03:00:00Z'),
    ];
    // A critical alert would be due after one day, a high one after seven.
    const config = 'patches:\n  sla:\n    critical: 1d\n    high: 7d\n';
    for (const deliveries of [observations, [...observations].reverse()]) {
      expect(patchesIn(deliveries, due, config).settled).toBe(1);
      expect(patchesIn(deliveries, '2026-03-03T00:00:00Z', config).settled).toBe(0);
    }
  });

  it('follows the newest update of an alert, whatever the delivery order', () => {
    const deliveries = [fixed('2026-03-05T00:00:00Z'), created()];
    expect(patchesIn(deliveries, '2026-03-05T00:00:00Z')).toMatchObject({ settled: 1, inSla: 1 });
  });
});
