// The dashboard, its CSV and /metrics as the real App serves them: `startApp`
// over HTTP with SQLite, two signed deliveries processed by its worker, no
// SHIPWELL_DASHBOARD_TOKEN (loopback clients only), GitHub played locally.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENMETRICS_CONTENT_TYPE } from '../../src/metrics/index.ts';
import type { Report } from '../../src/report/types.ts';
import { DAY } from '../../src/time/index.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { parseOpenMetrics } from '../metrics/parse-openmetrics.ts';
import { type Harness, SECRET, startHarness, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sendDelivery } from './signed-delivery.ts';

const REPO = 'Codertocat/Hello-World';
const ORG = 'Codertocat';
const SHA = 'b'.repeat(40);
const INSTALLATION = { id: 42 };
/** Published a day ago: the release is in the current period, its window still open. */
const publishedAt = new Date(Date.now() - DAY).toISOString();

let github: FakeGitHub;
let harness: Harness;

beforeAll(async () => {
  github = await startFakeGitHub();
  harness = await startHarness({ github, token: null });
  const send = (id: string, name: string, payload: unknown) =>
    sendDelivery({ url: harness.webhookUrl, id, name, payload, secret: SECRET });
  const release = loadWebhook('release.published', {
    release: { tag_name: 'v2.0.0', target_commitish: SHA, published_at: publishedAt, created_at: publishedAt },
    installation: INSTALLATION,
  });
  expect((await send('dash-release', 'release', release)).status).toBe(200);
  const properties = {
    action: 'updated',
    repository: loadWebhook('release.published').repository,
    organization: { login: ORG },
    installation: INSTALLATION,
    new_property_values: [{ property_name: 'segment', value: 'ios' }],
    old_property_values: [],
  };
  expect((await send('dash-properties', 'custom_property_values', properties)).status).toBe(200);
  await waitFor('both deliveries processed', async () => {
    const stored = await harness.app.store.log.list({ status: 'processed', limit: 10 });
    return stored.length === 2;
  });
});

afterAll(async () => {
  await harness?.stop();
  await github?.close();
});

/** As if the request came through a proxy from elsewhere: not a loopback client. */
const proxied = { 'x-forwarded-for': '203.0.113.7' };

describe('the dashboard and /metrics, mounted in the App', () => {
  it('serves the page from loopback, with the org, the release and its check-run link on the GHE web root', async () => {
    const response = await fetch(harness.dashboardUrl('/shipwell'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain(ORG);
    expect(page).toContain('v2.0.0');
    // GHE_HOST/GHE_PROTOCOL of the harness (the fake GitHub) are the web root of check-run links
    expect(page).toContain(`http://${github.host}/${REPO}/commit/${SHA}/checks`);
    expect(page).not.toContain('https://github.com/');
  });

  it('gzips the report, the page and the CSV for a client that accepts gzip, and only for one', async () => {
    const get = (path: string, acceptEncoding?: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
        const req = httpRequest({ host: '127.0.0.1', port: harness.app.dashboardPort!, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end();
      });
    // one instant for every answer, so each route's answers are the same report
    const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    for (const path of [
      `/shipwell/api/report?org=${ORG}&now=${now}`,
      `/shipwell?org=${ORG}&now=${now}`,
      `/shipwell/api/releases.csv?org=${ORG}&segment=ios&now=${now}`,
    ]) {
      const plain = await get(path);
      const gzipped = await get(path, 'br;q=1, gzip;q=0.5');
      const refused = await get(path, 'gzip;q=0, identity');
      expect(plain.body.toString()).toContain('v2.0.0');
      for (const answer of [plain, gzipped, refused]) expect(answer.headers.vary).toBe('accept-encoding');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzipped.body).toString()).toBe(plain.body.toString());
      expect(gzipped.body.length).toBeLessThan(plain.body.length);
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.body.toString()).toBe(plain.body.toString());
    }
  });

  it('serves the release table as CSV, in the segment the custom_property_values delivery set', async () => {
    const report = (await (await fetch(harness.dashboardUrl(`/shipwell/api/report?org=${ORG}`))).json()) as Report;
    expect(report.releases.map((r) => [r.tag, r.segment])).toEqual([['v2.0.0', 'ios']]);
    const response = await fetch(harness.dashboardUrl(`/shipwell/api/releases.csv?org=${ORG}&segment=ios`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="shipwell-${ORG}-ios.csv"`);
    const rows = (await response.text()).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('v2.0.0');
  });

  it('serves /metrics as OpenMetrics: the org’s release counts and the age of the last processed delivery', async () => {
    const before = Date.now();
    const response = await fetch(harness.dashboardUrl('/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(OPENMETRICS_CONTENT_TYPE);
    const families = parseOpenMetrics(await response.text());
    const released = families.find((f) => f.name === 'shipwell_releases');
    expect(
      released?.samples.find((s) => s.labels.org === ORG && s.labels.segment === 'ios' && s.labels.period === 'current')
        ?.value,
    ).toBe(1);
    const health = (await (await fetch(harness.url('/healthz'))).json()) as { queue: { lastProcessedAt: string } };
    const lastProcessedAt = Date.parse(health.queue.lastProcessedAt);
    expect(lastProcessedAt).toBeLessThanOrEqual(before);
    const age = families.find((f) => f.name === 'shipwell_app_last_processed_delivery_age_seconds');
    expect(age?.samples[0]?.value).toBeGreaterThanOrEqual(0);
    expect(age?.samples[0]?.value).toBeLessThan((Date.now() - lastProcessedAt) / 1000 + 1);
    expect(families.find((f) => f.name === 'shipwell_app_queue_depth')?.samples[0]?.value).toBe(0);
  });

  it('refuses all three to a client that is not loopback when no token is set (403, saying what to do)', async () => {
    for (const path of ['/shipwell', `/shipwell/api/releases.csv?org=${ORG}`, '/metrics']) {
      const response = await fetch(harness.dashboardUrl(path), { headers: proxied });
      expect(response.status, path).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = (await response.json()) as { error: string };
      expect(body.error).toMatch(/only loopback clients are answered \(.*\); set the token on the App/);
    }
    // /healthz stays open to load balancers
    expect((await fetch(harness.url('/healthz'), { headers: proxied })).status).toBe(200);
  });

  it('without a token, serves none of them on the public port: a same-host reverse proxy adding no X-Forwarded-For reaches nothing', async () => {
    expect(harness.app.dashboardPort).not.toBeNull();
    expect(harness.app.dashboardPort).not.toBe(harness.app.port);
    for (const path of [
      '/shipwell',
      `/shipwell/api/report?org=${ORG}`,
      `/shipwell/api/deliveries.jsonl?org=${ORG}`,
      '/metrics',
    ]) {
      expect((await fetch(harness.url(path))).status, path).toBe(404);
    }
    expect((await fetch(harness.url('/healthz'))).status).toBe(200);
  });

  it('refuses a Host that is not loopback on the dashboard port (DNS rebinding)', async () => {
    const port = harness.app.dashboardPort!;
    const statusFor = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/metrics', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await statusFor('evil.example')).toBe(403);
    expect(await statusFor(`evil.example:${port}`)).toBe(403);
    expect(await statusFor(`localhost:${port}`)).toBe(200);
    expect(await statusFor(`127.0.0.1:${port}`)).toBe(200);
  });
});
