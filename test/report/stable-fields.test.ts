// The JSON report's stable fields, exactly as the interface contract lists
// them (users' tools parse these names): present, in this order, with these types.
import { describe, expect, it } from 'vitest';
import { renderJsonReport } from '../../src/report/index.ts';
import { reportOf } from '../kpi/report-of.ts';
import { workedExampleDeliveries } from '../kpi/worked-example.ts';

const REPORT = ['now', 'periods', 'releases', 'segments', 'warnings'];
const PERIOD = ['start', 'end', 'current'];
const RELEASE = [
  'repo',
  'tag',
  'sha',
  'segment',
  'publishedAt',
  'status',
  'reasons',
  'coverage',
  'devopsActivities',
  'rollback',
];
const ROLLBACK = ['at', 'signal', 'reason'];
const SEGMENT = ['name', 'periods', 'openAlertsPastDue', 'targets', 'medianTimeToFixHours', 'topRollbackReasons'];
const SEGMENT_PERIOD = [
  'start',
  'end',
  'current',
  'releases',
  'wellPackaged',
  'pending',
  'notWellPackaged',
  'rolledBack',
  'share',
  'medianRollbackMinutes',
  'patchesSettled',
  'patchesInSla',
  'patchCoverage',
];
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The stable keys appear, in the contract's order (other keys may follow or sit between). */
function expectKeysInOrder(value: object, keys: string[]): void {
  const present = Object.keys(value).filter((k) => keys.includes(k));
  expect(present).toEqual(keys);
}

describe('the JSON report', () => {
  const report = JSON.parse(
    renderJsonReport(reportOf({ deliveries: workedExampleDeliveries(), now: '2026-03-20T00:00:00Z' })),
  );

  it('has every stable field in the contract order', () => {
    expectKeysInOrder(report, REPORT);
    for (const p of report.periods) expectKeysInOrder(p, PERIOD);
    for (const r of report.releases) {
      expectKeysInOrder(r, RELEASE);
      if (r.rollback) expectKeysInOrder(r.rollback, ROLLBACK);
    }
    for (const s of report.segments) {
      expectKeysInOrder(s, SEGMENT);
      for (const p of s.periods) expectKeysInOrder(p, SEGMENT_PERIOD);
    }
  });

  it('prints times as ISO-8601 UTC with milliseconds and percentages as one-decimal numbers or null', () => {
    expect(report.now).toMatch(ISO_MS);
    for (const p of report.periods) expect([p.start, p.end].every((t: string) => ISO_MS.test(t))).toBe(true);
    for (const r of report.releases) {
      expect(r.publishedAt).toMatch(ISO_MS);
      if (r.rollback) expect(r.rollback.at).toMatch(ISO_MS);
      expect(r.coverage === null || Math.round(r.coverage * 10) / 10 === r.coverage).toBe(true);
    }
    for (const s of report.segments) {
      for (const p of s.periods) {
        for (const value of [p.share, p.patchCoverage]) {
          expect(value === null || (value >= 0 && value <= 100 && Math.round(value * 10) / 10 === value)).toBe(true);
        }
      }
    }
  });

  it('has warnings: a sorted list of sentences, empty for an ordinary history', () => {
    expect(report.warnings).toEqual([]);
  });

  it('lists segment all first, then segments by name', () => {
    expect(report.segments.map((s: { name: string }) => s.name)).toEqual(['all', 'cloud']);
  });
});
