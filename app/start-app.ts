import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createProbot, type Probot, type ProbotOctokit } from 'probot';
import { useEnvProxy } from '../network/index.ts';
import type { Store } from '../src/store/index.ts';
import { createAppLogger } from './create-app-logger.ts';
import { createProcessMetrics } from './create-process-metrics.ts';
import { createWebhookHandler } from './create-webhook-handler.ts';
import { dashboardRoutes, loadOrgReport, readAppHealth } from './dashboard/index.ts';
import { fetchWithTimeout } from './fetch-with-timeout.ts';
import { logAccess } from './log-access.ts';
import { openStore } from './open-store.ts';
import { readAppEnv } from './read-app-env.ts';
import { createRouter, deliveriesJsonlRoute, deliveriesRoute, healthRoute, reportRoute } from './routes/index.ts';
import { startCheckpointer } from './start-checkpointer.ts';
import { startHttpServer } from './start-http-server.ts';
import { startWebhookProxy } from './start-webhook-proxy.ts';
import { DEFAULT_TIMING, startWorker, type Worker, type WorkerTiming } from './start-worker.ts';
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
 * and did not process) and serves the webhook path (verified by Probot,
 * stored before the answer) beside our routes
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
   * Where background work runs: its own thread with its own connection,
   * which also stores the deliveries (`thread`: this thread never writes),
   * this thread (`inline`: one connection; processing yields to webhooks
   * between deliveries and takes a small share of the time while they pour
   * in), or nowhere (`off`: benchmarks of the answering path alone). `auto`
   * (default): `inline` on SQLite (one writer, no lock to share, no hand-off
   * between threads on the way to the answer), `thread` on PostgreSQL. A
   * SQLite file's log is copied into it by a checkpoint thread in every mode.
   */
  worker?: 'auto' | 'thread' | 'inline' | 'off';
} = {}): Promise<RunningApp> {
  const settings = readAppEnv(env);
  // one logger for Probot's lines and ours, each named once (docs/app.md, "Logs")
  const log = await createAppLogger(env);
  if (useEnvProxy(env) === 'unsupported') {
    log.warn(`HTTPS_PROXY/HTTP_PROXY is set but Node ${process.version} cannot use it (24.14 or later can)`);
  }
  const probot = createProbot({
    env,
    overrides: { log, request: { fetch: fetchWithTimeout }, ...(Octokit ? { Octokit } : {}) },
  });
  await probot.ready(); // its webhook verifier exists from here on
  const { database } = settings;
  const mode = workerMode !== 'auto' ? workerMode : database.kind === 'sqlite' ? 'inline' : 'thread';
  if (mode === 'thread' && database.kind === 'sqlite' && database.path === ':memory:') {
    throw new Error(
      "worker 'thread' needs a database file or PostgreSQL: an in-memory SQLite database is one connection's",
    );
  }
  // a SQLite file's commits never copy the log themselves (a checkpoint thread does);
  // an in-memory database is this connection's alone
  const checkpointed = database.kind === 'sqlite' && database.path !== ':memory:';
  const store = await openStore({ database, now: clock(), checkpoints: checkpointed ? 'manual' : 'automatic' });
  // SQLite serves one process: claims of a crashed earlier run are free at once.
  if (store.dialect === 'sqlite') await store.releaseClaims();
  const deps: AppDeps = {
    store,
    clock,
    log: log.child({ name: 'shipwell' }),
    worker: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    github: { installation: (id) => probot.auth(id), app: () => probot.auth() },
  };
  const verify = (payload: string, signature: string) => probot.webhooks.verify(payload, signature);
  let webhooks: ReturnType<typeof createWebhookHandler>;
  let worker: Worker | null = null;
  const checkpointer = checkpointed ? startCheckpointer({ path: database.path, log: deps.log }) : null;
  if (mode === 'thread') {
    const thread = await startWorkerThread({ env, timing, log: deps.log });
    worker = thread;
    webhooks = createWebhookHandler({
      path: probot.webhookPath,
      verify,
      store: { recordDelivery: (input) => thread.record(input) },
      clock,
      onStored: () => undefined, // the thread that stored it wakes its worker
    });
  } else {
    // deliveries stored so far: the worker gives answering webhooks the CPU while they pour in
    let arrivals = 0;
    const inline = mode === 'inline' ? startWorker({ deps, timing, arrived: () => arrivals }) : null;
    worker = inline;
    webhooks = createWebhookHandler({
      path: probot.webhookPath,
      verify,
      store,
      clock,
      onStored: () => {
        arrivals += 1;
        inline?.wake();
      },
    });
  }
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
        processMetrics: createProcessMetrics(),
      }),
    ],
  });
  const { server, port } = await startHttpServer({
    handlers: [webhooks, logAccess({ handler: router, log: deps.log })],
    port: settings.port,
    host: settings.host,
    log: deps.log,
  });
  deps.log.info(`Shipwell App listening on port ${port} (${store.dialect})`);
  const local = settings.host === undefined || settings.host === '0.0.0.0' || settings.host === '::';
  const webhookProxy = await startWebhookProxy({
    url: env.WEBHOOK_PROXY_URL,
    target: `http://${local ? '127.0.0.1' : settings.host}:${port}${probot.webhookPath}`,
    log: deps.log,
  }).catch(async (error: unknown) => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await worker?.stop();
    await checkpointer?.stop();
    await store.close();
    throw error;
  });
  return {
    port,
    probot,
    store,
    async stop() {
      await webhookProxy?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await worker?.stop();
      await checkpointer?.stop();
      await store.close();
    },
  };
}
