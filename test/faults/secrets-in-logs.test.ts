// Secrets never reach the logs (docs/security.md): `npm start` runs with known
// secrets — the App's PRIVATE_KEY, WEBHOOK_SECRET, SHIPWELL_DASHBOARD_TOKEN,
// a DATABASE_URL password — at the most verbose log level, and goes through
// what logs the most: signed and badly signed deliveries, processing that
// calls GitHub (installation tokens, which are secrets too), a GitHub error,
// API calls with a wrong and a right bearer token, and a start-up failure.
// None of the secrets, nor the installation tokens or the App's JWT, appears
// in anything it printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, SECRET, TOKEN, waitFor } from '../app/app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from '../app/fake-github.ts';
import { sendDelivery } from '../app/signed-delivery.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { type PostgresServer, usePostgres } from '../support/postgres.ts';
import { spawnApp, stopApp } from './spawn-app.ts';

const DB_PASSWORD = 'db-pass-Zq81xW';

let github: FakeGitHub;
let postgres: PostgresServer;
let dir: string;

beforeAll(async () => {
  github = await startFakeGitHub();
  postgres = await usePostgres();
  dir = mkdtempSync(join(tmpdir(), 'shipwell-secrets-'));
});
afterAll(async () => {
  await github?.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The secrets and the substrings of them a careless log line would show. */
function secretsOf(env: Record<string, string>): string[] {
  const keyLines = env.PRIVATE_KEY!.split('\n').filter((line) => line.length >= 40 && !line.startsWith('-----'));
  return [SECRET, TOKEN, DB_PASSWORD, ...keyLines];
}

function expectNoSecrets(output: string, secrets: string[]): void {
  expect(output.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(output.includes(secret), `a secret appears in the log`).toBe(false);
  // installation tokens the fake handed out, and the App's JWT (eyJ… = a JSON header, base64)
  expect(output).not.toMatch(/ghs_fake_\d+/);
  expect(output).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
}

describe('secrets in logs', () => {
  it('the App at LOG_LEVEL=trace never prints a secret, a token or its JWT', async () => {
    const admin = new pg.Pool({ connectionString: postgres.url, max: 1 });
    await admin.query('CREATE DATABASE secrets');
    await admin.end();
    const databaseUrl = postgres.url.replace('app@', `app:${DB_PASSWORD}@`).replace(/\/[^/]*$/, '/secrets');
    const env = {
      ...appEnv({ github, databaseUrl, token: TOKEN }),
      LOG_LEVEL: 'trace',
      LOG_FORMAT: 'json',
    };
    // a GitHub error on one call: error paths log the request that failed
    let failedOnce = false;
    github.intercept = ({ method, path }) => {
      if (method === 'POST' && path.endsWith('/check-runs') && !failedOnce) {
        failedOnce = true;
        return { status: 502, body: { message: 'Bad Gateway' } };
      }
      return undefined;
    };
    const app = await spawnApp({ env });
    try {
      const url = `http://127.0.0.1:${app.port}`;
      const publishedAt = new Date(Date.now() - 3_600_000).toISOString();
      const payload = loadWebhook('release.published', {
        release: {
          tag_name: 'v1.0.0',
          target_commitish: 'a'.repeat(40),
          published_at: publishedAt,
          created_at: publishedAt,
        },
        installation: { id: 42 },
      });
      const webhook = `${url}/api/github/webhooks`;
      expect((await sendDelivery({ url: webhook, id: 's-1', name: 'release', payload, secret: SECRET })).status).toBe(
        200,
      );
      const bad = await sendDelivery({ url: webhook, id: 's-2', name: 'release', payload, secret: 'not-the-secret' });
      expect(bad.status).toBeGreaterThanOrEqual(400);
      const wrong = await fetch(`${url}/shipwell/api/report?org=Codertocat`, {
        headers: { authorization: 'Bearer wrong-token' },
      });
      expect(wrong.status).toBe(401);
      // processing asked GitHub for an installation token and published (after the 502)
      await waitFor('the verdict published', () => github.checkRuns.length > 0, 60_000);
      // the org is known once its delivery is processed
      const right = await fetch(`${url}/shipwell/api/report?org=Codertocat`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(right.status).toBe(200);
      expect(failedOnce).toBe(true);
      expect(github.requests.some((r) => r.path.endsWith('/access_tokens'))).toBe(true);
    } finally {
      github.intercept = undefined;
      await stopApp(app);
    }
    expectNoSecrets(app.output(), secretsOf(env));
    // the log did record the work (the test would be empty otherwise)
    expect(app.output()).toMatch(/listening on port/);

    // a start-up failure names the bad variable, not the values around it
    const failing = await spawnApp({ env: { ...env, PORT: 'not-a-port' } }).then(
      () => {
        throw new Error('the App started with PORT=not-a-port');
      },
      (error: Error) => error.message,
    );
    expect(failing).toMatch(/PORT/);
    expectNoSecrets(failing, secretsOf(env));
  }, 120_000);
});
