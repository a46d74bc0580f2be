// Entry of the worker thread (start-worker-thread.ts): the App's background
// work on its own thread, database connection and Probot client, so webhook
// answers never wait behind processing or report computation.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createProbot } from 'probot';
import { fetchWithTimeout } from './fetch-with-timeout.ts';
import { openStore } from './open-store.ts';
import { readAppEnv } from './read-app-env.ts';
import { startWorker, type WorkerTiming } from './start-worker.ts';

const { env, timing } = workerData as { env: Record<string, string | undefined>; timing: WorkerTiming };
const settings = readAppEnv(env);
const probot = createProbot({ env, overrides: { request: { fetch: fetchWithTimeout } } });
const store = await openStore({ database: settings.database, now: Date.now() });
const worker = startWorker({
  deps: {
    store,
    clock: Date.now,
    log: probot.log.child({ name: 'shipwell' }),
    worker: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    github: { installation: (id) => probot.auth(id), app: () => probot.auth() },
  },
  timing,
});
parentPort?.on('message', (message: unknown) => {
  if (message === 'wake') worker.wake();
  if (message === 'stop') {
    void worker
      .stop()
      .then(() => store.close())
      .then(() => parentPort?.postMessage('stopped'));
  }
});
parentPort?.postMessage('ready');
