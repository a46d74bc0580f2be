import type { Logger } from 'probot';
import type { Worker, WorkerTiming } from '../jobs/start-jobs.ts';
import { superviseThread } from './supervise-thread.ts';

/**
 * Runs the App's jobs (app/jobs/start-jobs.ts) on their own thread with
 * their own database connection and Probot client, built from the same
 * environment. Resolves once it runs; a thread that dies is logged and
 * started again (its claims are taken over when their leases end, and work
 * is idempotent).
 */
export async function startWorkerThread({
  env,
  timing,
  log,
  door,
}: {
  env: Record<string, string | undefined>;
  timing: WorkerTiming;
  log: Logger;
  /** The door's signal (give-way.ts): the jobs hold back while acknowledgements are slow. */
  door: SharedArrayBuffer;
}): Promise<Worker> {
  const thread = await superviseThread({
    name: 'worker',
    url: new URL('./worker-thread.ts', import.meta.url),
    workerData: { env, timing, door },
    log,
    ready: true,
  });
  let waking = false;
  return {
    // one message per turn of the event loop, however many deliveries were stored in it
    wake: () => {
      if (waking) return;
      waking = true;
      setImmediate(() => {
        waking = false;
        thread.current()?.postMessage('wake');
      });
    },
    stop: () => thread.stop(),
  };
}
