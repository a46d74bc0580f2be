import { Worker as Thread } from 'node:worker_threads';
import type { Logger } from 'probot';
import type { Worker, WorkerTiming } from '../jobs/start-jobs.ts';

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
}: {
  env: Record<string, string | undefined>;
  timing: WorkerTiming;
  log: Logger;
}): Promise<Worker> {
  let stopping = false;
  let current: Thread | null = null;
  const spawn = (): Promise<Thread> =>
    new Promise((resolve, reject) => {
      const thread = new Thread(new URL('./worker-thread.ts', import.meta.url), { workerData: { env, timing } });
      thread.once('message', (message) => (message === 'ready' ? resolve(thread) : undefined));
      thread.once('error', (error) => {
        log.error(`worker thread failed: ${error.message}`);
        reject(error);
      });
      thread.once('exit', (code) => {
        if (current === thread) current = null;
        if (stopping) return;
        log.error(`worker thread exited (${code}); starting it again`);
        setTimeout(() => {
          if (!stopping)
            void spawn().then(
              (next) => (current = next),
              () => undefined,
            );
        }, 1000);
      });
    });
  current = await spawn();
  let waking = false;
  return {
    // one message per turn of the event loop, however many deliveries were stored in it
    wake: () => {
      if (waking) return;
      waking = true;
      setImmediate(() => {
        waking = false;
        current?.postMessage('wake');
      });
    },
    stop: async () => {
      stopping = true;
      const thread = current;
      if (!thread) return;
      const stopped = new Promise<void>((resolve) => {
        thread.on('message', (message) => (message === 'stopped' ? resolve() : undefined));
        thread.once('exit', () => resolve());
      });
      thread.postMessage('stop');
      await stopped;
      await thread.terminate();
    },
  };
}
