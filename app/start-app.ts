import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createNodeMiddleware, createProbot, type Probot, type ProbotOctokit } from 'probot';
import type { Store } from '../src/store/index.ts';
import { createShipwellApp } from './create-shipwell-app.ts';
import { dashboardRoutes, loadOrgReport, readAppHealth } from './dashboard/index.ts';
import { fetchWithTimeout } from './fetch-with-timeout.ts';
import { openStore } from './open-store.ts';
import { readAppEnv } from './read-app-env.ts';
import { createRouter, deliveriesJsonlRoute, deliveriesRoute, healthRoute, reportRoute } from './routes/index.ts';
import { startHttpServer } from './start-http-server.ts';
import { DEFAULT_TIMING, startWorker, type WorkerTiming } from './start-worker.ts';
import { startWorkerThread } from './start-worker-thread.ts';
import type { AppDeps } from './types.ts';

export interface RunningApp {
  port: number;
  probot: Probot;
  store: Store;
  /** Stops taking requests, finishes the worker's step, closes the database. */
  stop(): Promise<void>;
}

/**
 * The App's one orchestrator: reads the environment (Probot's variables plus
 * DATABASE_URL and SHIPWELL_DASHBOARD_TOKEN), opens and migrates the store,
 * starts the worker (which first processes whatever an earlier run stored
 * and did not process) and serves Probot's webhook path beside our routes
 * (API, dashboard, /metrics: one table, one access control).
 * Tests and the benchmark pass `Octokit` (retries and throttling off),
 * `timing`, `clock` and where the worker runs.
 */
export async function startApp({
  env = process.env,
  Octokit,
  timing = DEFAULT_TIMING,
  clock = Date.now,
  worker: workerMode = 'auto',
}: {
  env?: Record<string, string | undefined>;
  Octokit?: typeof ProbotOctokit;
  timing?: WorkerTiming;
  clock?: () => number;
  /**
   * Where background work runs: its own thread with its own connection
   * (`thread`: webhook answers never wait behind it), this thread (`inline`:
   * one connection, and tests that pass `Octokit`/`clock`), or nowhere
   * (`off`: benchmarks of the answering path alone). `auto` (default):
   * `thread` on PostgreSQL, `inline` on SQLite — two SQLite connections
   * writing at once wait on each other's file lock in sleeps of up to 100 ms.
   */
  worker?: 'auto' | 'thread' | 'inline' | 'off';
} = {}): Promise<RunningApp> {
  const settings = readAppEnv(env);
  const probot = createProbot({
    env,
    overrides: { request: { fetch: fetchWithTimeout }, ...(Octokit ? { Octokit } : {}) },
  });
  const store = await openStore({ database: settings.database, now: clock() });
  // SQLite serves one process: claims of a crashed earlier run are free at once.
  if (store.dialect === 'sqlite') await store.releaseClaims();
  const deps: AppDeps = {
    store,
    clock,
    log: probot.log.child({ name: 'shipwell' }),
    worker: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    github: { installation: (id) => probot.auth(id), app: () => probot.auth() },
  };
  const mode = workerMode === 'auto' ? (store.dialect === 'sqlite' ? 'inline' : 'thread') : workerMode;
  const worker =
    mode === 'inline'
      ? startWorker({ deps, timing })
      : mode === 'thread'
        ? await startWorkerThread({ env, timing, log: deps.log })
        : null;
  const middleware = await createNodeMiddleware(createShipwellApp({ store, clock, onStored: () => worker?.wake() }), {
    probot,
  });
  const router = createRouter({
    token: settings.dashboardToken,
    routes: [
      healthRoute({ store, clock }),
      reportRoute({ store, clock }),
      deliveriesJsonlRoute({ store }),
      deliveriesRoute({ store }),
      ...dashboardRoutes({
        loadReport: ({ org, now }) => loadOrgReport({ store, org, now }),
        loadHealth: ({ now }) => readAppHealth({ store, now }),
        listOrgs: () => store.listOrgs(),
        clock,
        baseUrl: settings.githubUrl,
      }),
    ],
  });
  const { server, port } = await startHttpServer({
    handlers: [router, (request, response) => middleware(request, response)],
    port: settings.port,
    host: settings.host,
    log: deps.log,
  });
  deps.log.info(`Shipwell App listening on port ${port} (${store.dialect})`);
  return {
    port,
    probot,
    store,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await worker?.stop();
      await store.close();
    },
  };
}
