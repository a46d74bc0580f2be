import { describe, expect, it } from 'vitest';
import { periodOf, reportOf } from './report-of.ts';
import { workedExampleDeliveries } from './worked-example.ts';

// docs/kpis.md, "A worked example": the input metrics under the share, per criterion, over the
// decided releases of a period (releases − pending).
describe('criteria pass rates', () => {
  const report = reportOf({ deliveries: workedExampleDeliveries(), now: '2026-03-20T00:00:00Z' });

  it('counts the decided releases that do not fail each criterion', () => {
    // v1.0.0 well-packaged, v1.1.0 rolled back: 2 decided.
    expect(periodOf(report, 'cloud', '2026-02-24T10:00:00.000Z').passRates).toEqual({
      'rolled-back': 50,
      'devops-activities': 100,
      'coverage-below-threshold': 100,
      'coverage-missing': 100,
    });
  });

  it('leaves pending releases out of the denominator', () => {
    // v1.2.0 fails activities and coverage; v1.3.0 is pending: 1 decided.
    expect(periodOf(report, 'cloud', '2026-03-10T10:00:00.000Z').passRates).toEqual({
      'rolled-back': 100,
      'devops-activities': 0,
      'coverage-below-threshold': 0,
      'coverage-missing': 100,
    });
  });

  it('is null when nothing is decided', () => {
    const none = reportOf({ deliveries: [], now: '2026-03-20T00:00:00Z' });
    for (const period of none.segments[0]!.periods) {
      expect(Object.values(period.passRates)).toEqual([null, null, null, null]);
    }
  });
});
