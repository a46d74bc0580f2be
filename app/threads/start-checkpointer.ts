import { Worker as Thread } from 'node:worker_threads';
import type { Logger } from 'probot';

/** How often the log is copied (at 3,000 deliveries/s, ~6 MB of it each time). */
const INTERVAL = 100;

/**
 * Starts the checkpoint thread (checkpoint-thread.ts) for the SQLite file at
 * `path`, whose other connections are opened with `checkpoints: 'manual'`.
 * Its failures are logged; a thread that dies is started again.
 */
export function startCheckpointer({ path, log }: { path: string; log: Logger }): { stop(): Promise<void> } {
  let stopping = false;
  let thread: Thread;
  const spawn = () => {
    thread = new Thread(new URL('./checkpoint-thread.ts', import.meta.url), {
      workerData: { path, interval: INTERVAL },
    });
    thread.on('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'error' in message)
        log.error(`SQLite checkpoint failed: ${String(message.error)}`);
    });
    thread.once('error', (error) => log.error(`checkpoint thread failed: ${error.message}`));
    thread.once('exit', (code) => {
      if (stopping) return;
      log.error(`checkpoint thread exited (${code}); starting it again`);
      setTimeout(() => (stopping ? undefined : spawn()), 1000);
    });
  };
  spawn();
  return {
    async stop() {
      stopping = true;
      const current = thread;
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
