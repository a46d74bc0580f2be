import { Worker as Thread } from 'node:worker_threads';
import type { Logger } from 'probot';
import type { Worker, WorkerTiming } from './start-worker.ts';

/**
 * Runs the worker (start-worker.ts) on its own thread with its own database
 * connection and Probot client, built from the same environment. Resolves
 * once it runs; a thread that dies is logged and started again.
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
  const spawn = (): Promise<Thread> =>
    new Promise((resolve, reject) => {
      const thread = new Thread(new URL('./worker-thread.ts', import.meta.url), { workerData: { env, timing } });
      thread.once('message', (message) => (message === 'ready' ? resolve(thread) : undefined));
      thread.once('error', (error) => {
        log.error(`worker thread failed: ${error.message}`);
        reject(error);
      });
      thread.once('exit', (code) => {
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
  let current = await spawn();
  return {
    wake: () => current.postMessage('wake'),
    stop: async () => {
      stopping = true;
      const stopped = new Promise<void>((resolve) => {
        current.on('message', (message) => (message === 'stopped' ? resolve() : undefined));
        current.once('exit', () => resolve());
      });
      current.postMessage('stop');
      await stopped;
      await current.terminate();
    },
  };
}
