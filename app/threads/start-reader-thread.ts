import { Worker as Thread } from 'node:worker_threads';
import type { Logger } from 'probot';
import { ConfigError, type ConfigIssue } from '../../src/config/index.ts';
import type { ReportSource } from '../dashboard/report-source.ts';

/** What the App asks its reader thread. */
export type ReaderRequest =
  | { id: number; kind: 'report'; input: Parameters<ReportSource['report']>[0] }
  | { id: number; kind: 'export'; input: Parameters<ReportSource['exportDeliveries']>[0] }
  | { id: number; kind: 'export-facts'; input: Parameters<ReportSource['exportFacts']>[0] };

/** Its answer: the result, or the error (a config error comes back as one). */
export type ReaderResponse =
  | { id: number; result: unknown }
  | { id: number; error: { message: string; config: { file: string; issues: readonly ConfigIssue[] } | null } };

/**
 * Starts the reader thread (reader-thread.ts): reports and exports are read
 * and computed there, on its own connection. A thread that dies fails what it
 * was answering (500) and is started again.
 */
export async function startReaderThread({
  env,
  log,
}: {
  env: Record<string, string | undefined>;
  log: Logger;
}): Promise<ReportSource & { stop(): Promise<void> }> {
  let stopping = false;
  let current: Thread | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const onMessage = (message: ReaderResponse | 'ready' | 'stopped') => {
    if (typeof message !== 'object') return;
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (!waiter) return;
    if ('result' in message) waiter.resolve(message.result);
    else if (message.error.config) waiter.reject(new ConfigError(message.error.config));
    else waiter.reject(new Error(message.error.message));
  };
  const spawn = (): Promise<Thread> =>
    new Promise((resolve, reject) => {
      const thread = new Thread(new URL('./reader-thread.ts', import.meta.url), { workerData: { env } });
      thread.once('message', (message) => (message === 'ready' ? resolve(thread) : undefined));
      thread.on('message', onMessage);
      thread.once('error', (error) => {
        log.error(`reader thread failed: ${error.message}`);
        reject(error);
      });
      thread.once('exit', (code) => {
        if (current === thread) current = null;
        for (const waiter of waiting.values()) waiter.reject(new Error(`the reader thread exited (${code})`));
        waiting.clear();
        if (stopping) return;
        log.error(`reader thread exited (${code}); starting it again`);
        setTimeout(() => {
          if (!stopping)
            void spawn().then(
              (thread) => (current = thread),
              () => undefined,
            );
        }, 1000);
      });
    });
  current = await spawn();
  const ask = <T>(request: Omit<ReaderRequest, 'id'>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!current) {
        reject(new Error('the reader thread is not running'));
        return;
      }
      const id = ++next;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      current.postMessage({ ...request, id });
    });
  return {
    report: (input) => ask({ kind: 'report', input }),
    exportDeliveries: (input) => ask({ kind: 'export', input }),
    exportFacts: (input) => ask({ kind: 'export-facts', input }),
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
