import type { Registry } from 'prom-client';
import { ConfigError } from '../../src/config/index.ts';
import { renderMessagePage } from '../../src/dashboard/index.ts';
import { type AppHealth, OPENMETRICS_CONTENT_TYPE, renderMetrics } from '../../src/metrics/index.ts';
import type { Report } from '../../src/report/types.ts';
import type { BackfillCounts } from '../../src/store/index.ts';
import { acceptsGzip } from '../routes/accepts-gzip.ts';
import type { Route } from '../routes/index.ts';
import { resolveOrg } from '../routes/resolve-org.ts';
import { type DashboardQuery, readDashboardQuery } from './read-dashboard-query.ts';
import { type BodyEncoding, type ReportView, renderReportView } from './render-report-view.ts';
import { sendText } from './send-text.ts';

const HTML = 'text/html; charset=utf-8';
const BASE = '/shipwell';

/** Where the dashboard gets its data: plain functions, so any store (or a test) can feed it. */
export interface DashboardSources {
  /** The org's report as `GET /shipwell/api/report?org=…&now=…` computes it (/metrics reads its periods and segments, not its releases). */
  loadReport(input: { org: string; now: number }): Promise<Report>;
  /**
   * The same report rendered as `view` (the page, the CSV) where it is
   * computed, so only text reaches the thread answering webhooks. Default:
   * rendered here from loadReport.
   */
  renderReport?(input: { org: string; now: number; view: ReportView; encoding: BodyEncoding }): Promise<Uint8Array>;
  /** The App's own health in plain numbers. */
  loadHealth(input: { now: number }): Promise<AppHealth>;
  /** Every org the App has an installation (or stored facts) for. */
  listOrgs(): Promise<string[]>;
  /** The org's backfill (docs/app.md, "The first hour"); null when none. */
  loadBackfill?(input: { org: string }): Promise<BackfillCounts | null>;
}

/**
 * The dashboard's routes for the App's router, all behind its access control
 * (`protected: true`: the bearer token, or loopback only without one):
 * `GET /shipwell` (the page), `GET /shipwell/api/releases.csv` (the release
 * table) and `GET /metrics` (OpenMetrics for every org, then
 * `processMetrics`' series). `baseUrl` is GitHub's web root for check-run
 * links (GHE).
 */
export function dashboardRoutes({
  loadReport,
  renderReport = async ({ org, now, view, encoding }) =>
    renderReportView({ report: await loadReport({ org, now }), org, view, encoding }),
  loadHealth,
  listOrgs,
  loadBackfill = async () => null,
  clock,
  baseUrl,
  processMetrics,
}: DashboardSources & {
  clock: () => number;
  baseUrl?: string;
  processMetrics?: Registry<typeof OPENMETRICS_CONTENT_TYPE>;
}): Route[] {
  const links = baseUrl === undefined ? {} : { baseUrl };

  /** The report rendered as `view` asks, or an answer already sent (400 for a bad query, 422 for a bad config). */
  async function renderFor({
    request,
    params,
    response,
    page,
    view,
  }: {
    request: Parameters<Route['handle']>[0]['request'];
    params: URLSearchParams;
    response: Parameters<Route['handle']>[0]['response'];
    page: boolean;
    view: (input: { org: string; query: DashboardQuery }) => Promise<ReportView>;
  }) {
    const fail = (status: number, title: string, message: string) =>
      page
        ? sendText({ response, status, contentType: HTML, body: renderMessagePage({ title, message }) })
        : sendText({ response, status, contentType: 'text/plain; charset=utf-8', body: `${message}\n` });
    const read = readDashboardQuery(params);
    if (!read.ok) return fail(400, 'Bad request', read.error);
    const { query } = read;
    let org = query.org;
    if (org === undefined) {
      const orgs = await listOrgs();
      if (orgs.length === 1) org = orgs[0];
      else if (orgs.length === 0)
        return fail(404, 'No organization yet', 'No org has installed the App or sent a delivery yet.');
      else if (page) {
        return sendText({
          response,
          status: 200,
          contentType: HTML,
          body: renderMessagePage({
            title: 'Choose an organization',
            message: 'The App knows several orgs:',
            links: orgs.map((o) => ({ href: `${BASE}?${new URLSearchParams({ org: o })}`, text: o })),
          }),
        });
      } else return fail(400, 'Bad request', 'org: required when the App knows several orgs, found nothing');
    }
    if (org === undefined) return undefined;
    const resolved = resolveOrg({ org, orgs: await listOrgs() });
    if ('error' in resolved) return fail(404, 'Unknown organization', resolved.error);
    org = resolved.org;
    try {
      const encoding: BodyEncoding = acceptsGzip(request.headers['accept-encoding']) ? 'gzip' : 'identity';
      const text = await renderReport({
        org,
        now: query.now?.instant ?? clock(),
        view: await view({ org, query }),
        encoding,
      });
      return { org, query, text, encoding };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return fail(422, 'Invalid config', error.message);
    }
  }

  return [
    {
      method: 'GET',
      path: BASE,
      protected: true,
      async handle({ request, response, query: params }) {
        const found = await renderFor({
          request,
          params,
          response,
          page: true,
          view: async ({ org, query }) => ({
            as: 'page',
            segment: query.segment,
            basePath: BASE,
            orgs: await listOrgs(),
            backfill: await loadBackfill({ org }),
            ...links,
            ...(query.now ? { pinnedNow: query.now.text } : {}),
          }),
        });
        if (!found) return;
        sendText({ response, status: 200, contentType: HTML, body: found.text, encoding: found.encoding });
      },
    },
    {
      method: 'GET',
      path: `${BASE}/api/releases.csv`,
      protected: true,
      async handle({ request, response, query: params }) {
        const found = await renderFor({
          request,
          params,
          response,
          page: false,
          view: async ({ query }) => ({ as: 'csv', segment: query.segment, ...links }),
        });
        if (!found) return;
        const { org, query } = found;
        sendText({
          response,
          status: 200,
          contentType: 'text/csv; charset=utf-8; header=present',
          body: found.text,
          encoding: found.encoding,
          headers: {
            'content-disposition': `attachment; filename="shipwell-${org}-${query.segment.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`,
          },
        });
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      protected: true,
      async handle({ response }) {
        const now = clock();
        const orgs = await listOrgs();
        // An org whose config does not validate is left out (its dashboard page says why).
        const loaded = await Promise.all(
          orgs.map(async (org) => {
            try {
              return [{ org, report: await loadReport({ org, now }) }];
            } catch (error) {
              if (error instanceof ConfigError) return [];
              throw error;
            }
          }),
        );
        const reports = loaded.flat();
        const body = await renderMetrics({
          reports,
          health: await loadHealth({ now }),
          ...(processMetrics ? { process: processMetrics } : {}),
        });
        sendText({ response, status: 200, contentType: OPENMETRICS_CONTENT_TYPE, body });
      },
    },
  ];
}
