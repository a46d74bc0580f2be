import { Gauge, Registry } from 'prom-client';
import type { SegmentPeriodReport } from '../report/types.ts';
import type { AppHealth, OPENMETRICS_CONTENT_TYPE, OrgReport } from './types.ts';

/** Which period a sample is about: the one `now` falls in, or the one before it. */
type PeriodLabel = 'current' | 'last_complete';

const PERIOD_GAUGES = [
  [
    'shipwell_well_packaged_releases',
    'Releases published in the period that are well-packaged (the North Star).',
    (p) => p.wellPackaged,
  ],
  ['shipwell_releases', 'Releases published in the period (in scope).', (p) => p.releases],
  ['shipwell_pending_releases', 'Releases of the period whose verdict is still pending.', (p) => p.pending],
  [
    'shipwell_not_well_packaged_releases',
    'Releases of the period that are not well-packaged.',
    (p) => p.notWellPackaged,
  ],
  ['shipwell_rolled_back_releases', 'Releases of the period rolled back within their window.', (p) => p.rolledBack],
  [
    'shipwell_well_packaged_share_percent',
    'Well-packaged / (releases - pending) x 100; absent when nothing is decided.',
    (p) => p.share,
  ],
  [
    'shipwell_patch_coverage_percent',
    'Alerts settled in the period within SLA / settled x 100; absent when none settled.',
    (p) => p.patchCoverage,
  ],
  [
    'shipwell_mean_coverage_percent',
    "Mean line coverage of the period's releases that have coverage; absent when none.",
    (p) => p.meanCoverage,
  ],
  [
    'shipwell_median_rollback_minutes',
    'Median time rolling back took, in minutes; absent when no rollback has a duration.',
    (p) => p.medianRollbackMinutes,
  ],
] as const satisfies readonly (readonly [string, string, (p: SegmentPeriodReport) => number | null])[];

/**
 * The OpenMetrics exposition of `/metrics`, built with prom-client on a
 * registry of its own (never the global one): per org and segment, gauges for
 * the current and the last complete period, open alerts past due and the
 * targets; then the App's health, and the series of `process` (a registry
 * the adapter fills, e.g. prom-client's default process metrics). A number
 * the report leaves null is left out rather than written as NaN. Labels are
 * escaped by prom-client. Serve it with OPENMETRICS_CONTENT_TYPE.
 */
export async function renderMetrics({
  reports,
  health,
  process: processMetrics,
}: {
  reports: readonly OrgReport[];
  health: AppHealth;
  process?: Registry<typeof OPENMETRICS_CONTENT_TYPE>;
}): Promise<string> {
  const registry = new Registry<typeof OPENMETRICS_CONTENT_TYPE>();
  registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  const registers = [registry];
  const periodLabels = ['org', 'segment', 'period'] as const;
  const gauges = PERIOD_GAUGES.map(
    ([name, help, read]) => [new Gauge({ name, help, labelNames: periodLabels, registers }), read] as const,
  );
  const periodStart = new Gauge({
    name: 'shipwell_period_start_timestamp_seconds',
    help: 'Start of the period the samples labelled with it describe (Unix seconds).',
    labelNames: ['org', 'period'] as const,
    registers,
  });
  const pastDue = new Gauge({
    name: 'shipwell_open_alerts_past_due',
    help: 'Dependabot alerts open now whose SLA due time has passed.',
    labelNames: ['org', 'segment'] as const,
    registers,
  });
  const target = new Gauge({
    name: 'shipwell_target',
    help: 'A segment target from config (wellPackaged per period, share and patchCoverage in percent); shown, never changes a number.',
    labelNames: ['org', 'segment', 'target'] as const,
    registers,
  });

  for (const { org, report } of reports) {
    const currentIndex = report.periods.findIndex((p) => p.current);
    const picks: [PeriodLabel, number][] = [
      ['current', currentIndex],
      ['last_complete', currentIndex - 1],
    ];
    for (const [period, index] of picks) {
      const shown = report.periods[index];
      if (shown) periodStart.set({ org, period }, Date.parse(shown.start) / 1000);
    }
    for (const segment of report.segments) {
      pastDue.set({ org, segment: segment.name }, segment.openAlertsPastDue);
      for (const [key, value] of Object.entries(segment.targets)) {
        if (typeof value === 'number') target.set({ org, segment: segment.name, target: key }, value);
      }
      for (const [period, index] of picks) {
        const numbers = segment.periods[index];
        if (!numbers) continue;
        for (const [gauge, read] of gauges) {
          const value = read(numbers);
          if (value !== null) gauge.set({ org, segment: segment.name, period }, value);
        }
      }
    }
  }

  new Gauge({
    name: 'shipwell_app_queue_depth',
    help: 'Deliveries stored and not yet processed.',
    registers,
  }).set(health.queueDepth);
  new Gauge({
    name: 'shipwell_app_failed_deliveries',
    help: 'Deliveries whose last processing attempt failed.',
    registers,
  }).set(health.failedDeliveries);
  // A gauge without labels is written as 0 until set: register this one only when there is a number.
  if (health.lastProcessedDeliveryAgeSeconds !== null) {
    new Gauge({
      name: 'shipwell_app_last_processed_delivery_age_seconds',
      help: 'Seconds since the newest delivery was processed; absent before the first.',
      registers,
    }).set(health.lastProcessedDeliveryAgeSeconds);
  }

  if (!processMetrics) return registry.metrics();
  // merge keeps the registries' content type (OpenMetrics); its types only name the default one
  return Registry.merge([registry, processMetrics] as unknown as Registry[]).metrics();
}
