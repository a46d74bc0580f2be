import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { threadId } from 'node:worker_threads';
import { createProbot, type Probot, type ProbotOctokit } from 'probot';
import { fetchWithTimeout } from './fetch-with-timeout.ts';
import { type AppEnv, readAppEnv } from './read-app-env.ts';
import type { JobHelpers } from './types.ts';

/** What every thread of the App builds the same way from the same environment. */
export interface AppContext {
  settings: AppEnv;
  /** Probot: its webhook verifier, logger and GitHub auth. */
  probot: Probot;
  /** GitHub, the log, the clock and this thread's worker id, as jobs get them. */
  helpers: JobHelpers;
}

/**
 * The one factory for what the App's threads share (the thread answering
 * webhooks and the worker thread each call it): validated settings, the
 * Probot instance (its verifier, logger and auth, with a request timeout),
 * GitHub access through it, and a worker id unique to this thread.
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
  const settings = readAppEnv(env);
  const probot = createProbot({
    env,
    overrides: { request: { fetch: fetchWithTimeout }, ...(Octokit ? { Octokit } : {}) },
  });
  await probot.ready(); // its logger and webhook verifier exist from here on
  return {
    settings,
    probot,
    helpers: {
      github: { installation: (id) => probot.auth(id), app: () => probot.auth() },
      log: probot.log.child({ name: 'shipwell' }),
      clock,
      worker: `${hostname()}:${process.pid}:${threadId}:${randomUUID().slice(0, 8)}`,
    },
  };
}
