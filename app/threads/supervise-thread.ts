import { Worker as Thread } from 'node:worker_threads';
import type { Logger } from 'probot';

/** A thread kept running: started again a second after it dies, until stopped. */
export interface SupervisedThread {
  /** The running thread; null between a death and its restart. */
  current(): Thread | null;
  /** Asks the thread to stop ('stop' → its 'stopped'), then ends it. */
  stop(): Promise<void>;
}

/**
 * Starts the thread at `url` and keeps it running: its failures and deaths
 * are logged under `name`, and a thread that dies is started again a second
 * later. With `ready`, resolves once the thread says 'ready' (a thread that
 * fails first rejects); `onMessage` receives everything else it posts, and
 * `onExit` is told of each death (to fail what the dead thread was doing).
 */
export async function superviseThread({
  name,
  url,
  workerData,
  log,
  ready,
  onMessage,
  onExit,
}: {
  name: string;
  url: URL;
  workerData: unknown;
  log: Logger;
  ready: boolean;
  onMessage?: (message: unknown) => void;
  onExit?: (code: number) => void;
}): Promise<SupervisedThread> {
  let stopping = false;
  let current: Thread | null = null;
  const spawn = (): Promise<Thread> =>
    new Promise((resolve, reject) => {
      const thread = new Thread(url, { workerData });
      if (onMessage) thread.on('message', onMessage);
      if (ready) thread.once('message', (message) => (message === 'ready' ? resolve(thread) : undefined));
      else resolve(thread);
      thread.once('error', (error) => {
        log.error(`${name} thread failed: ${error.message}`);
        reject(error);
      });
      thread.once('exit', (code) => {
        if (current === thread) current = null;
        onExit?.(code);
        if (stopping) return;
        log.error(`${name} thread exited (${code}); starting it again`);
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
  return {
    current: () => current,
    async stop() {
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
