// Entry of the worker thread (start-worker-thread.ts): the App's jobs on
// their own thread, database connection and Probot client, so acknowledging
// a webhook never waits behind processing, evaluation or publishing.
import { parentPort, workerData } from 'node:worker_threads';
import { createAppContext } from '../create-app-context.ts';
import { startJobs, type WorkerTiming } from '../jobs/start-jobs.ts';
import { openStore } from '../open-store.ts';
import { createGiveWay } from './give-way.ts';
import { yieldToAnswers } from './yield-to-answers.ts';

const { env, timing, door } = workerData as {
  env: Record<string, string | undefined>;
  timing: WorkerTiming;
  door: SharedArrayBuffer;
};
yieldToAnswers();
const { settings, helpers } = await createAppContext({ env });
const store = await openStore({
  database: settings.database,
  now: helpers.clock(),
  checkpoints: 'manual',
  migrate: false,
  landing: true,
});
const jobs = startJobs({ store, helpers, timing, giveWay: createGiveWay({ buffer: door }) });
parentPort?.on('message', (message: unknown) => {
  if (message === 'wake') jobs.wake();
  else if (message === 'stop') {
    void jobs
      .stop()
      .then(() => store.close())
      .then(() => parentPort?.postMessage('stopped'));
  }
});
parentPort?.postMessage('ready');
