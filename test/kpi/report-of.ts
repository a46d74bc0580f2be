import { parseConfig } from '../../src/config/index.ts';
import type { WebhookDelivery } from '../../src/events/index.ts';
import { ingestDeliveries } from '../../src/events/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import type { ReleaseReport, Report, SegmentPeriodReport } from '../../src/report/types.ts';
import { parseInstant } from '../../src/time/index.ts';

/** The report of these deliveries at `now`, under the config YAML given (defaults otherwise). */
export function reportOf({
  deliveries,
  now,
  config = '',
  repo,
}: {
  deliveries: WebhookDelivery[];
  now: string;
  config?: string;
  repo?: string;
}): Report {
  const instant = parseInstant(now);
  if (instant === null) throw new Error(`bad now ${now}`);
  const { facts, warnings } = ingestDeliveries(deliveries);
  return computeReport({
    facts,
    warnings,
    config: parseConfig({ text: config, file: 'shipwell.yml' }),
    now: instant,
    ...(repo ? { repo } : {}),
  });
}

export function releaseOf(report: Report, tag: string, repo?: string): ReleaseReport {
  const found = report.releases.find((r) => r.tag === tag && (repo === undefined || r.repo === repo));
  if (!found) throw new Error(`release ${tag} not in report: ${report.releases.map((r) => r.tag).join(', ')}`);
  return found;
}

/** The period of a segment that contains `at`. */
export function periodOf(report: Report, segment: string, at: string): SegmentPeriodReport {
  const s = report.segments.find((x) => x.name === segment);
  if (!s) throw new Error(`segment ${segment} not in report: ${report.segments.map((x) => x.name).join(', ')}`);
  const p = s.periods.find((x) => x.start <= at && at < x.end);
  if (!p) throw new Error(`no period holds ${at}`);
  return p;
}
