import type { ReportPeriod } from '../report/types.ts';

/** A period's short axis label: its start as `MM-DD` (UTC), `now` for the current one. */
export function labelPeriod(period: Pick<ReportPeriod, 'start' | 'current'>): string {
  if (period.current) return 'now';
  return period.start.slice(5, 10);
}
