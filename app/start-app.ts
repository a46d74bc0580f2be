import type { Probot, ProbotOctokit } from 'probot';
import { LANDING_LOG_BYTES, landingPathOf, type Store } from '../src/store/index.ts';
import { createAppContext } from './create-app-context.ts';
import { createProcessMetrics } from './create-process-metrics.ts';
import { createWebhookHandler } from './create-webhook-handler.ts';
import { createReportSource, dashboardRoutes, type ReportSource, readAppHealth } from './dashboard/index.ts';
import { DEFAULT_TIMING, startJobs, type Worker, type WorkerTiming } from './jobs/start-jobs.ts';
import { openStore } from './open-store.ts';
import { deliveriesJsonlRoute, deliveriesRoute, healthRoute, reportRoute } from './routes/index.ts';
import { serveRoutes } from './serve-routes.ts';
import { startWebhookProxy } from './start-webhook-proxy.ts';
import { createDoorSignal } from './threads/give-way.ts';
import { startCheckpointer } from './threads/start-checkpointer.ts';
import { startReaderThread } from './threads/start-reader-thread.ts';
import { startWorkerThread } from './threads/start-worker-thread.ts';

export interface RunningApp {
  port: number;
  /** Without a dashboard token: the loopback-only port of the dashboard and API (else null). */
  dashboardPort: number | null;
  probot: Probot;
  store: Store;
  /** Stops taking requests, finishes the jobs' current steps, closes the database. */
  stop(): Promise<void>;
}

/**
 * The App's one orchestrator (docs/architecture.md, "The App's threads"):
 * reads the environment, opens and migrates the store, starts the worker
 * thread (the jobs: processing first takes whatever an earlier run stored and
 * did not process) and the reader thread (reports, exports), and serves the
 * webhook door (verify, store, answer: nothing else) beside our routes (API,
 * dashboard, /metrics: one table, one access control).
 * Tests and the benchmark pass `Octokit` (retries and throttling off),
 * `timing`, `clock` and where the jobs run.
 */
export async function startApp({
  env = process.env,
  Octokit,
  timing = DEFAULT_TIMING,
  clock = Date.now,
  worker: workerMode = 'thread',
}: {
  env?: Record<string, string | undefined>;
  Octokit?: typeof ProbotOctokit;
  timing?: WorkerTiming;
  clock?: () => number;
  /**
   * Where the jobs and reports run: their own threads with their own
   * connections (`thread`, the default: acknowledging never waits for them),
   * this thread (`inline`: tests that fake the clock or GitHub's client, which
   * cannot cross into a thread), or nowhere (`off`: benchmarks of the door
   * alone). A SQLite file's log is copied by a checkpoint thread in every mode.
   */
  worker?: 'thread' | 'inline' | 'off';
} = {}): Promise<RunningApp> {
  const { settings, credentials, probot, helpers } = await createAppContext({
    env,
    clock,
    ...(Octokit ? { Octokit } : {}),
  });
  const { database } = settings;
  if (workerMode === 'thread' && database.kind === 'sqlite' && database.path === ':memory:') {
    throw new Error(
      "DATABASE_URL: an in-memory SQLite database is one connection's; the App's threads need a file or PostgreSQL",
    );
  }
  // a SQLite file's commits never copy the log themselves (a checkpoint thread does);
  // an in-memory database is this connection's alone
  const checkpointed = database.kind === 'sqlite' && database.path !== ':memory:';
  // a SQLite file's door appends to an inbox file of its own (docs/architecture.md, "The inbox file")
  const store = await openStore({
    database,
    now: clock(),
    checkpoints: checkpointed ? 'manual' : 'automatic',
    landing: checkpointed,
  });
  // SQLite serves one process: claims of a crashed earlier run are free at once.
  if (store.dialect === 'sqlite') await store.releaseClaims();
  const checkpointers = checkpointed
    ? [
        await startCheckpointer({ path: database.path, log: helpers.log }),
        await startCheckpointer({
          path: landingPathOf(database.path),
          log: helpers.log,
          restartBytes: LANDING_LOG_BYTES,
        }),
      ]
    : [];
  let worker: Worker | null = null;
  let reader: (ReportSource & { stop(): Promise<void> }) | null = null;
  let reports: ReportSource;
  // the worker and reader give way to the door while acknowledgements are slow (docs/architecture.md, "Giving way to the door")
  const door = workerMode === 'thread' ? createDoorSignal() : null;
  if (door) {
    worker = await startWorkerThread({ env, timing, log: helpers.log, door: door.buffer });
    reader = await startReaderThread({ env, log: helpers.log, door: door.buffer });
    reports = reader;
  } else {
    if (workerMode === 'inline') worker = startJobs({ store, helpers, timing });
    reports = createReportSource({ store });
  }
  const webhooks = createWebhookHandler({
    path: probot.webhookPath,
    secret: credentials.secret,
    inbox: store.inbox,
    clock,
    onStored: () => worker?.wake(),
    onAnswered: door?.answered,
  });
  const served = await serveRoutes({
    webhooks,
    // the queue's counts are read where reports are (on the reader thread): they grow with a backlog
    health: healthRoute({ store: { dialect: store.dialect, health: () => reports.health() }, clock }),
    routes: [
      reportRoute({ source: reports, clock, listOrgs: () => store.repos.orgs() }),
      deliveriesJsonlRoute({ source: reports, listOrgs: () => store.repos.orgs() }),
      deliveriesRoute({ log: store.log }),
      ...dashboardRoutes({
        // only /metrics reads report objects here, and not their releases
        loadReport: ({ org, now }) => reports.summary({ org, now }),
        renderReport: (input) => reports.render(input),
        loadHealth: ({ now }) => readAppHealth({ store: reports, now }),
        listOrgs: () => store.repos.orgs(),
        loadBackfill: ({ org }) => store.backfills.countOrg({ org }),
        clock,
        baseUrl: settings.githubUrl,
        processMetrics: createProcessMetrics(),
      }),
    ],
    token: settings.dashboardToken,
    port: settings.port,
    host: settings.host,
    dashboardPort: settings.dashboardPort,
    log: helpers.log,
  });
  const { port } = served;
  helpers.log.info(`Shipwell App listening on port ${port} (${store.dialect})`);
  // local development: deliveries relayed from a smee.io channel (docs/app.md, "Local development")
  const local = settings.host === undefined || settings.host === '0.0.0.0' || settings.host === '::';
  const webhookProxy = await startWebhookProxy({
    url: env.WEBHOOK_PROXY_URL,
    target: `http://${local ? '127.0.0.1' : settings.host}:${port}${probot.webhookPath}`,
    log: helpers.log,
  }).catch(async (error: unknown) => {
    await served.close();
    await worker?.stop();
    await reader?.stop();
    for (const checkpointer of checkpointers) await checkpointer.stop();
    await store.close();
    throw error;
  });
  return {
    port,
    dashboardPort: served.dashboardPort,
    probot,
    store,
    async stop() {
      await webhookProxy?.stop();
      await served.close();
      await worker?.stop();
      await reader?.stop();
      for (const checkpointer of checkpointers) await checkpointer.stop();
      await store.close();
    },
  };
}
