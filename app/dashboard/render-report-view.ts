import { gzipSync } from 'node:zlib';
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

/**
 * How the rendered bytes are sent: gzip when the client accepts it
 * (docs/app.md, "Compressed answers"). Compressed where the report is
 * rendered, so the thread acknowledging webhooks writes a twentieth of the bytes.
 */
export type BodyEncoding = 'gzip' | 'identity';

const utf8 = new TextEncoder();

/** The report as `view` shows it, as UTF-8 bytes, gzipped with `encoding: 'gzip'` (a buffer of their own, which a thread can hand over). */
export function renderReportView({
  report,
  org,
  view,
  encoding = 'identity',
}: {
  report: Report;
  org: string;
  view: ReportView;
  encoding?: BodyEncoding | undefined;
}): Uint8Array {
  const bytes = utf8.encode(renderText({ report, org, view }));
  // copied out of zlib's Buffer, which may share a pooled ArrayBuffer that must not be handed over
  return encoding === 'gzip' ? new Uint8Array(gzipSync(bytes)) : bytes;
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
