import { Worker as Thread } from 'node:worker_threads';
import type { Logger } from 'probot';
import type { RecordInput } from '../src/store/index.ts';
import type { Worker, WorkerTiming } from './start-worker.ts';

/** Messages between this thread and the worker thread (worker-thread.ts). */
export type ToWorkerThread = 'wake' | 'stop' | { record: { seq: number; inputs: RecordInput[] } };
export type FromWorkerThread =
  | 'ready'
  | 'stopped'
  | { recorded: { seq: number; results: ({ stored: boolean } | { error: string })[] } };

export interface ThreadWorker extends Worker {
  /**
   * Stores a delivery through the worker thread's connection (the store's
   * `recordDelivery`: resolves once durable, false for a known id); rejects
   * when the thread is not running or exits before answering.
   */
  record(input: RecordInput): Promise<boolean>;
}

interface Waiter {
  resolve: (stored: boolean) => void;
  reject: (error: Error) => void;
}

/**
 * Runs the worker (start-worker.ts) on its own thread with its own database
 * connection and Probot client, built from the same environment; the
 * webhook path stores deliveries through it (`record`), so the thread that
 * answers GitHub never writes to the database. Resolves once it runs; a
 * thread that dies is logged and started again, and what it was storing is
 * refused (the webhook answers 500; the redelivery scan recovers it).
 */
export async function startWorkerThread({
  env,
  timing,
  log,
}: {
  env: Record<string, string | undefined>;
  timing: WorkerTiming;
  log: Logger;
}): Promise<ThreadWorker> {
  let stopping = false;
  let current: Thread | null = null;
  let seq = 0;
  const inFlight = new Map<number, Waiter[]>();
  let outbox: { input: RecordInput; waiter: Waiter }[] = [];

  const refuseInFlight = (reason: string) => {
    for (const waiters of inFlight.values()) for (const waiter of waiters) waiter.reject(new Error(reason));
    inFlight.clear();
  };
  const onMessage = (message: FromWorkerThread) => {
    if (typeof message !== 'object') return;
    const waiters = inFlight.get(message.recorded.seq) ?? [];
    inFlight.delete(message.recorded.seq);
    message.recorded.results.forEach((result, i) => {
      if ('error' in result) waiters[i]?.reject(new Error(result.error));
      else waiters[i]?.resolve(result.stored);
    });
  };
  const spawn = (): Promise<Thread> =>
    new Promise((resolve, reject) => {
      const thread = new Thread(new URL('./worker-thread.ts', import.meta.url), { workerData: { env, timing } });
      thread.once('message', (message) => (message === 'ready' ? resolve(thread) : undefined));
      thread.on('message', onMessage);
      thread.once('error', (error) => {
        log.error(`worker thread failed: ${error.message}`);
        reject(error);
      });
      thread.once('exit', (code) => {
        if (current === thread) current = null;
        refuseInFlight(`the worker thread exited (${code}) before storing the delivery`);
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

  // one message per turn of the event loop, however many deliveries arrived in it
  const flush = () => {
    const batch = outbox;
    outbox = [];
    if (batch.length === 0) return;
    if (!current) {
      for (const { waiter } of batch) waiter.reject(new Error('the worker thread is not running'));
      return;
    }
    seq += 1;
    inFlight.set(
      seq,
      batch.map(({ waiter }) => waiter),
    );
    current.postMessage({ record: { seq, inputs: batch.map(({ input }) => input) } } satisfies ToWorkerThread);
  };
  let waking = false;
  return {
    record: (input) =>
      new Promise<boolean>((resolve, reject) => {
        if (outbox.length === 0) setImmediate(flush);
        outbox.push({ input, waiter: { resolve, reject } });
      }),
    wake: () => {
      if (waking) return;
      waking = true;
      setImmediate(() => {
        waking = false;
        current?.postMessage('wake' satisfies ToWorkerThread);
      });
    },
    stop: async () => {
      stopping = true;
      flush();
      const thread = current;
      if (!thread) return;
      const stopped = new Promise<void>((resolve) => {
        thread.on('message', (message) => (message === 'stopped' ? resolve() : undefined));
        thread.once('exit', () => resolve());
      });
      thread.postMessage('stop' satisfies ToWorkerThread);
      await stopped;
      await thread.terminate();
    },
  };
}
