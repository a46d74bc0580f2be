import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_CSP } from '../../app/dashboard/index.ts';
import type { Report } from '../../src/report/types.ts';
import { parseOpenMetrics } from '../metrics/parse-openmetrics.ts';
import { DASHBOARD_TOKEN, type DashboardServer, startDashboardServer } from './dashboard-server.ts';

let server: DashboardServer;
const auth = { authorization: `Bearer ${DASHBOARD_TOKEN}` };

beforeAll(async () => {
  server = await startDashboardServer();
});
afterAll(async () => {
  await server.stop();
});

describe('dashboard routes behind the App router', () => {
  it('refuses every dashboard route without the bearer token, with a body that says what to send', async () => {
    for (const path of ['/shipwell?org=acme', '/shipwell/api/releases.csv?org=acme', '/metrics']) {
      const response = await fetch(server.url(path));
      expect(response.status).toBe(401);
      expect(await response.text()).toContain('Authorization: Bearer');
    }
  });

  it('serves the page as HTML with a script-free CSP', async () => {
    const response = await fetch(server.url('/shipwell?org=acme&segment=ios'), { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).not.toContain('script-src');
    expect(await response.text()).toContain('<main data-segment="ios"');
  });

  it('takes the only org when none is named, and answers a bad query with 400 naming the key', async () => {
    const only = await fetch(server.url('/shipwell'), { headers: auth });
    expect(only.status).toBe(200);
    expect(await only.text()).toContain('Shipwell KPIs: acme');
    const bad = await fetch(server.url('/shipwell?org=acme&now=yesterday'), { headers: auth });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('now: expected an ISO-8601 instant');
  });

  it('answers an org the App does not know with 404 and a message, on the page and the API', async () => {
    for (const path of [
      '/shipwell?org=nobody',
      '/shipwell/api/report?org=nobody',
      '/shipwell/api/deliveries.jsonl?org=nobody',
    ]) {
      const response = await fetch(server.url(path), { headers: auth });
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain(
        'org: nobody has not installed the App and sent no delivery (known orgs: acme)',
      );
    }
    // logins compare case-insensitively
    expect((await fetch(server.url('/shipwell?org=ACME'), { headers: auth })).status).toBe(200);
  });

  it('exports the release table as CSV with the App report values', async () => {
    const report = (await (
      await fetch(server.url('/shipwell/api/report?org=acme'), { headers: auth })
    ).json()) as Report;
    const response = await fetch(server.url('/shipwell/api/releases.csv?org=acme&segment=cloud'), { headers: auth });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="shipwell-acme-cloud.csv"');
    const lines = (await response.text()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + report.releases.filter((r) => r.segment === 'cloud').length);
  });

  it('serves /metrics as OpenMetrics that a strict parser reads, with the App health', async () => {
    const response = await fetch(server.url('/metrics'), { headers: auth });
    expect(response.headers.get('content-type')).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    const families = parseOpenMetrics(await response.text());
    const age = families.find((f) => f.name === 'shipwell_app_last_processed_delivery_age_seconds');
    expect(age?.samples[0]?.value).toBe(30);
    const report = (await (
      await fetch(server.url('/shipwell/api/report?org=acme'), { headers: auth })
    ).json()) as Report;
    const current = report.segments[0]!.periods.find((p) => p.current)!;
    const wp = families.find((f) => f.name === 'shipwell_well_packaged_releases')!;
    expect(wp.samples.find((s) => s.labels.segment === 'all' && s.labels.period === 'current')?.value).toBe(
      current.wellPackaged,
    );
  });
});
