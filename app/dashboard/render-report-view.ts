import { renderDashboardPage, renderReleasesCsv } from '../../src/dashboard/index.ts';
import type { Report } from '../../src/report/types.ts';
import type { BackfillCounts } from '../../src/store/index.ts';

/**
 * What a report is answered as: the API's JSON, the dashboard page or its
 * release table. Rendered beside the report, on the reader thread, so the
 * thread acknowledging webhooks only sends the text (a year of a busy
 * repository makes a report of megabytes: copying it between threads as an
 * object and rendering it took tens of milliseconds).
 */
export type ReportView =
  | { as: 'json' }
  | {
      as: 'page';
      segment: string;
      basePath: string;
      baseUrl?: string;
      pinnedNow?: string;
      orgs: readonly string[];
      backfill: BackfillCounts | null;
    }
  | { as: 'csv'; segment: string; baseUrl?: string };

const utf8 = new TextEncoder();

/** The report as `view` shows it, as UTF-8 bytes (a buffer of their own, which a thread can hand over). */
export function renderReportView({ report, org, view }: { report: Report; org: string; view: ReportView }): Uint8Array {
  return utf8.encode(renderText({ report, org, view }));
}

function renderText({ report, org, view }: { report: Report; org: string; view: ReportView }): string {
  switch (view.as) {
    case 'json':
      // as sendJson writes a body (pretty enough to read with curl)
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'page':
      return renderDashboardPage({ report, org, ...view });
    case 'csv':
      return renderReleasesCsv({ report, ...view });
  }
}
