// Entry of the worker thread (start-worker-thread.ts): the App's background
// work on its own thread, database connection and Probot client, so webhook
// answers never wait behind processing or report computation. It also does
// the webhook path's writes (deliveries to store arrive as messages): the
// thread answering GitHub never writes to the database. On SQLite the
// checkpoint thread copies the log (start-checkpointer.ts).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createProbot } from 'probot';
import { useEnvProxy } from '../network/index.ts';
import { createAppLogger } from './create-app-logger.ts';
import { fetchWithTimeout } from './fetch-with-timeout.ts';
import { openStore } from './open-store.ts';
import { readAppEnv } from './read-app-env.ts';
import { startWorker, type WorkerTiming } from './start-worker.ts';
import type { FromWorkerThread, ToWorkerThread } from './start-worker-thread.ts';

const { env, timing } = workerData as { env: Record<string, string | undefined>; timing: WorkerTiming };
const settings = readAppEnv(env);
const appLog = await createAppLogger(env);
useEnvProxy(env);
const probot = createProbot({ env, overrides: { log: appLog, request: { fetch: fetchWithTimeout } } });
await probot.ready(); // its webhooks exist from here on
const store = await openStore({ database: settings.database, now: Date.now(), checkpoints: 'manual' });
const log = appLog.child({ name: 'shipwell' });
let arrivals = 0;
const worker = startWorker({
  deps: {
    store,
    clock: Date.now,
    log,
    worker: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    github: { installation: (id) => probot.auth(id), app: () => probot.auth() },
  },
  timing,
  arrived: () => arrivals,
});
const reply = (message: FromWorkerThread) => parentPort?.postMessage(message);
parentPort?.on('message', (message: ToWorkerThread) => {
  if (message === 'wake') worker.wake();
  else if (message === 'stop') {
    void worker
      .stop()
      .then(() => store.close())
      .then(() => reply('stopped'));
  } else {
    const { seq, inputs } = message.record;
    void Promise.all(
      inputs.map((input) =>
        store.recordDelivery(input).then(
          (stored) => ({ stored }),
          (error: Error) => ({ error: error.message }),
        ),
      ),
    ).then((results) => {
      const stored = results.filter((r) => 'stored' in r && r.stored).length;
      if (stored > 0) {
        arrivals += stored;
        worker.wake();
      }
      reply({ recorded: { seq, results } });
    });
  }
});
reply('ready');
