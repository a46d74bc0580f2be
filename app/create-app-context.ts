import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { threadId } from 'node:worker_threads';
import type { Probot, ProbotOctokit } from 'probot';
import { useEnvProxy } from '../network/index.ts';
import { createAppLogger } from './create-app-logger.ts';
import { createAppProbot } from './create-app-probot.ts';
import { fetchWithTimeout } from './fetch-with-timeout.ts';
import { type AppCredentials, readAppCredentials } from './read-app-credentials.ts';
import { type AppEnv, readAppEnv } from './read-app-env.ts';
import type { JobHelpers } from './types.ts';

/** What every thread of the App builds the same way from the same environment. */
export interface AppContext {
  settings: AppEnv;
  /** The App id, key and webhook secret, checked: never Probot's fallbacks. */
  credentials: AppCredentials;
  /** Probot: its webhook verifier, logger and GitHub auth. */
  probot: Probot;
  /** GitHub, the log, the clock and this thread's worker id, as jobs get them. */
  helpers: JobHelpers;
}

/**
 * The one factory for what the App's threads share (the thread answering
 * webhooks and the worker thread each call it): validated settings and
 * credentials (a missing WEBHOOK_SECRET, APP_ID or key refuses to start,
 * naming them), the Probot instance (its logger and auth, with a request
 * timeout, never Probot's default secret or a stray `*.pem`), GitHub access
 * through it, and a worker id unique to this thread.
 */
export async function createAppContext({
  env,
  Octokit,
  clock = Date.now,
}: {
  env: Record<string, string | undefined>;
  /** Tests pass a quiet Octokit (retries and throttling off). */
  Octokit?: typeof ProbotOctokit;
  clock?: () => number;
}): Promise<AppContext> {
  const credentials = readAppCredentials(env);
  const settings = readAppEnv(env);
  // one logger for Probot's lines and ours, each named once (docs/app.md, "Logs")
  const log = await createAppLogger(env);
  if (useEnvProxy(env) === 'unsupported') {
    log.warn(`HTTPS_PROXY/HTTP_PROXY is set but Node ${process.version} cannot use it (24.14 or later can)`);
  }
  const probot = createAppProbot({
    env,
    credentials,
    overrides: { log, request: { fetch: fetchWithTimeout }, ...(Octokit ? { Octokit } : {}) },
  });
  await probot.ready(); // its webhook verifier exists from here on
  return {
    settings,
    credentials,
    probot,
    helpers: {
      github: { installation: (id) => probot.auth(id), app: () => probot.auth() },
      log: log.child({ name: 'shipwell' }),
      clock,
      worker: `${hostname()}:${process.pid}:${threadId}:${randomUUID().slice(0, 8)}`,
      githubUrl: settings.githubUrl,
      publicUrl: settings.publicUrl,
    },
  };
}
