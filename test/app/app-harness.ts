// Starts the real App in-process (Probot's server over HTTP, a real store)
// against the fake GitHub, with retries and throttling off in its Octokit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProbotOctokit } from 'probot';
import type { WorkerTiming } from '../../app/jobs/start-jobs.ts';
import { type RunningApp, startApp } from '../../app/start-app.ts';
import type { FakeGitHub } from './fake-github.ts';
import { testPrivateKey } from './signed-delivery.ts';

export const SECRET = 'test-webhook-secret';
export const TOKEN = 'test-dashboard-token';

let key: string | null = null;
/** One generated RSA key per test file (2048-bit generation takes ~100 ms). */
export function privateKey(): string {
  key ??= testPrivateKey();
  return key;
}

export const QuietOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
})) as typeof ProbotOctokit;

export interface Harness {
  app: RunningApp;
  url: (path: string) => string;
  /** The dashboard and API: the main port with a token, the loopback-only port without one. */
  dashboardUrl: (path: string) => string;
  webhookUrl: string;
  dir: string;
  stop(): Promise<void>;
}

/** The App's environment for a test: what `npm start` would be given. */
export function appEnv({
  github,
  databaseUrl,
  token,
}: {
  github: FakeGitHub;
  databaseUrl: string;
  token?: string | null;
}) {
  return {
    APP_ID: '4242',
    PRIVATE_KEY: privateKey(),
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: github.host,
    GHE_PROTOCOL: 'http',
    PORT: '0',
    HOST: '127.0.0.1',
    SHIPWELL_DASHBOARD_PORT: '0',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'fatal',
    ...(token ? { SHIPWELL_DASHBOARD_TOKEN: token } : {}),
  };
}

export async function startHarness({
  github,
  databaseUrl,
  token = TOKEN,
  timing = { pollInterval: 50, redeliveryInterval: 60_000 },
  worker = 'inline',
  env = {},
  clock,
}: {
  github: FakeGitHub;
  databaseUrl?: string;
  /** More variables for the App (e.g. SHIPWELL_PUBLIC_URL). */
  env?: Record<string, string>;
  /** The App's clock (inline worker only): a history replayed as it happened. */
  clock?: () => number;
  token?: string | null;
  timing?: WorkerTiming;
  /** `inline` (default: the quiet Octokit, retries off, reaches the jobs) or `thread`, as in production. */
  worker?: 'inline' | 'thread';
}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'shipwell-app-'));
  const app = await startApp({
    env: { ...appEnv({ github, databaseUrl: databaseUrl ?? `sqlite:${join(dir, 'app.db')}`, token }), ...env },
    Octokit: QuietOctokit,
    timing,
    worker,
    ...(clock ? { clock } : {}),
  });
  const url = (path: string) => `http://127.0.0.1:${app.port}${path}`;
  return {
    app,
    url,
    dashboardUrl: (path: string) => `http://127.0.0.1:${app.dashboardPort ?? app.port}${path}`,
    webhookUrl: url('/api/github/webhooks'),
    dir,
    async stop() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value (not undefined/false), or fails after `timeout` ms naming `what`. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeout = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
