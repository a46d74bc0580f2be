import { describe, expect, it } from 'vitest';
import { OPENMETRICS_CONTENT_TYPE, renderMetrics } from '../../src/metrics/index.ts';
import { seededReport, XSS } from '../dashboard/seeded-report.ts';
import { reportOf } from '../kpi/report-of.ts';
import { workedExampleDeliveries } from '../kpi/worked-example.ts';
import { parseOpenMetrics } from './parse-openmetrics.ts';

const health = { queueDepth: 3, failedDeliveries: 1, lastProcessedDeliveryAgeSeconds: 42.5 };
const acme = seededReport();
const other = reportOf({ deliveries: workedExampleDeliveries(), now: '2026-03-20T00:00:00Z' });

function sampleOf(
  families: ReturnType<typeof parseOpenMetrics>,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const family = families.find((f) => f.name === name);
  return family?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe('renderMetrics', () => {
  it('is valid OpenMetrics with every gauge of every org, segment and period equal to the report', async () => {
    const text = await renderMetrics({
      reports: [
        { org: 'acme', report: acme },
        { org: 'other-org', report: other },
      ],
      health,
    });
    expect(text.endsWith('# EOF\n')).toBe(true);
    const families = parseOpenMetrics(text);
    for (const { org, report } of [
      { org: 'acme', report: acme },
      { org: 'other-org', report: other },
    ]) {
      const current = report.periods.findIndex((p) => p.current);
      for (const segment of report.segments) {
        for (const [period, index] of [
          ['current', current],
          ['last_complete', current - 1],
        ] as const) {
          const p = segment.periods[index]!;
          const labels = { org, segment: segment.name, period };
          expect(sampleOf(families, 'shipwell_well_packaged_releases', labels)).toBe(p.wellPackaged);
          expect(sampleOf(families, 'shipwell_releases', labels)).toBe(p.releases);
          expect(sampleOf(families, 'shipwell_pending_releases', labels)).toBe(p.pending);
          expect(sampleOf(families, 'shipwell_well_packaged_share_percent', labels)).toBe(p.share ?? undefined);
          expect(sampleOf(families, 'shipwell_patch_coverage_percent', labels)).toBe(p.patchCoverage ?? undefined);
          expect(sampleOf(families, 'shipwell_mean_coverage_percent', labels)).toBe(p.meanCoverage ?? undefined);
        }
        expect(sampleOf(families, 'shipwell_open_alerts_past_due', { org, segment: segment.name })).toBe(
          segment.openAlertsPastDue,
        );
        expect(sampleOf(families, 'shipwell_target', { org, segment: segment.name, target: 'patchCoverage' })).toBe(
          segment.targets.patchCoverage,
        );
      }
      expect(sampleOf(families, 'shipwell_period_start_timestamp_seconds', { org, period: 'current' })).toBe(
        Date.parse(report.periods[current]!.start) / 1000,
      );
    }
    expect(sampleOf(families, 'shipwell_app_queue_depth')).toBe(3);
    expect(sampleOf(families, 'shipwell_app_failed_deliveries')).toBe(1);
    expect(sampleOf(families, 'shipwell_app_last_processed_delivery_age_seconds')).toBe(42.5);
    expect(families.every((f) => f.type === 'gauge' && f.help.length > 0)).toBe(true);
  });

  it('escapes hostile label values so the parser reads them back exactly', async () => {
    const families = parseOpenMetrics(await renderMetrics({ reports: [{ org: 'acme', report: acme }], health }));
    const segments = new Set(
      families.find((f) => f.name === 'shipwell_releases')!.samples.map((s) => s.labels.segment),
    );
    expect(segments).toContain(XSS.segment);
  });

  it('leaves out what the report leaves null instead of writing NaN', async () => {
    const text = await renderMetrics({
      reports: [{ org: 'acme', report: acme }],
      health: { ...health, lastProcessedDeliveryAgeSeconds: null },
    });
    expect(text).not.toMatch(/NaN/);
    const families = parseOpenMetrics(text);
    expect(sampleOf(families, 'shipwell_app_last_processed_delivery_age_seconds')).toBeUndefined();
    const ios = acme.segments.find((s) => s.name === 'ios')!;
    const current = ios.periods.find((p) => p.current)!;
    expect(current.share).toBeNull();
    expect(
      sampleOf(families, 'shipwell_well_packaged_share_percent', { org: 'acme', segment: 'ios', period: 'current' }),
    ).toBeUndefined();
  });

  it('uses a registry of its own per call: concurrent calls do not mix', async () => {
    const [a, b] = await Promise.all([
      renderMetrics({ reports: [{ org: 'acme', report: acme }], health }),
      renderMetrics({ reports: [{ org: 'other-org', report: other }], health: { ...health, queueDepth: 9 } }),
    ]);
    expect(a).not.toContain('other-org');
    expect(b).not.toContain('"acme"');
    expect(sampleOf(parseOpenMetrics(b), 'shipwell_app_queue_depth')).toBe(9);
  });

  it('names the OpenMetrics content type', () => {
    expect(OPENMETRICS_CONTENT_TYPE).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
  });

  it('fails the parser on text that is not OpenMetrics (the parser is real)', () => {
    expect(() => parseOpenMetrics('# TYPE x gauge\nx 1\n')).toThrow(/EOF/);
  });
});
