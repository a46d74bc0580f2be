// The reverse-proxy example (deploy/Caddyfile; docs/operations.md, "Behind
// a reverse proxy") run by a real Caddy in front of the real App: HTTPS,
// people sign in with a password and Caddy sends the App its dashboard
// token, GitHub's deliveries, /healthz and a scraper with the token pass.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SECRET, startHarness, TOKEN } from '../app/app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from '../app/fake-github.ts';
import { sign } from '../app/signed-delivery.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { isStored } from '../store/find-delivery.ts';
import { CADDY_PATH, type RunningCaddy, requireCaddy, startCaddy } from '../support/start-caddy.ts';

const SITE = new URL('../../deploy/Caddyfile', import.meta.url).pathname;
const USER = 'ops';
const PASSWORD = 'correct horse battery staple';

let github: FakeGitHub;
let harness: Harness;
let caddy: RunningCaddy;
let dir: string;

beforeAll(async () => {
  requireCaddy();
  dir = mkdtempSync(join(tmpdir(), 'shipwell-caddy-'));
  github = await startFakeGitHub();
  harness = await startHarness({ github, token: TOKEN });
  // an org the App knows (an unknown one is a 404)
  await harness.app.store.evaluations.request({ repos: ['acme/app'], now: Date.now() });
  const hash = execFileSync(CADDY_PATH, ['hash-password', '--plaintext', PASSWORD], { encoding: 'utf8' }).trim();
  caddy = await startCaddy({
    dir,
    site: SITE,
    env: {
      SHIPWELL_UPSTREAM: '127.0.0.1',
      SHIPWELL_PORT: String(harness.app.port),
      SHIPWELL_DASHBOARD_TOKEN: TOKEN,
      SHIPWELL_DASHBOARD_USER: USER,
      SHIPWELL_DASHBOARD_PASSWORD_HASH: hash,
    },
  });
}, 60_000);
afterAll(async () => {
  await caddy?.stop();
  await harness?.stop();
  await github?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One HTTPS request through Caddy, trusting only its local CA. */
function send({
  method = 'GET',
  path,
  headers = {},
  body,
}: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${caddy.url}${path}`, { method, headers, ca: caddy.ca }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

describe('the App behind deploy/Caddyfile', () => {
  it('asks people for the password, then serves the dashboard and API with the token Caddy adds', async () => {
    const anonymous = await send({ path: '/shipwell/api/report?org=acme' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic/);
    expect((await send({ path: '/shipwell', headers: basic(USER, 'wrong') })).status).toBe(401);
    // the token itself does not open the dashboard: the password does
    expect((await send({ path: '/shipwell', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(401);

    const report = await send({ path: '/shipwell/api/report?org=acme', headers: basic(USER, PASSWORD) });
    expect(report.status).toBe(200);
    expect(JSON.parse(report.text)).toHaveProperty('segments');
    const page = await send({ path: '/shipwell?org=acme', headers: basic(USER, PASSWORD) });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).not.toContain(TOKEN);
  });

  it('lets a scraper with the token read /metrics, and nobody without it', async () => {
    expect((await send({ path: '/metrics' })).status).toBe(401);
    const metrics = await send({ path: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('shipwell_app_queue_depth');
  });

  it("passes GitHub's signed deliveries and the health check, and nothing else", async () => {
    const payload = loadWebhook('release.published', { installation: { id: 42 } });
    const body = JSON.stringify(payload);
    const delivery = await send({
      method: 'POST',
      path: '/api/github/webhooks',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'release',
        'x-github-delivery': 'through-caddy-1',
        'x-hub-signature-256': sign({ body, secret: SECRET }),
      },
      body,
    });
    expect(delivery.status).toBe(200);
    expect(await isStored(harness.app.store, 'through-caddy-1')).toBe(true);
    expect((await send({ path: '/healthz' })).status).toBe(200);
    expect((await send({ path: '/probot' })).status).toBe(404);
    expect((await send({ path: '/shipwell-other' })).status).toBe(401);
  });
});
