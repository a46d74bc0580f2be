import type { Logger } from 'probot';
import { ConfigError, type ConfigIssue } from '../../src/config/index.ts';
import type { ReportSource } from '../dashboard/report-source.ts';
import { superviseThread } from './supervise-thread.ts';

/** What the App asks its reader thread. */
export type ReaderRequest =
  | { id: number; kind: 'report'; input: Parameters<ReportSource['report']>[0] }
  | { id: number; kind: 'summary'; input: Parameters<ReportSource['summary']>[0] }
  | { id: number; kind: 'render'; input: Parameters<ReportSource['render']>[0] }
  | { id: number; kind: 'health' }
  | { id: number; kind: 'export'; input: Parameters<ReportSource['exportDeliveries']>[0] }
  | { id: number; kind: 'export-facts'; input: Parameters<ReportSource['exportFacts']>[0] };

/** A request before it gets its id (each kind of the union on its own). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

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
  door,
}: {
  env: Record<string, string | undefined>;
  log: Logger;
  /** The door's signal (give-way.ts): requests wait a little while acknowledgements are slow. */
  door: SharedArrayBuffer;
}): Promise<ReportSource & { stop(): Promise<void> }> {
  let next = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const onMessage = (message: unknown) => {
    if (typeof message !== 'object' || message === null) return;
    const answer = message as ReaderResponse;
    const waiter = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (!waiter) return;
    if ('result' in answer) waiter.resolve(answer.result);
    else if (answer.error.config) waiter.reject(new ConfigError(answer.error.config));
    else waiter.reject(new Error(answer.error.message));
  };
  const thread = await superviseThread({
    name: 'reader',
    url: new URL('./reader-thread.ts', import.meta.url),
    workerData: { env, door },
    log,
    ready: true,
    onMessage,
    onExit: (code) => {
      for (const waiter of waiting.values()) waiter.reject(new Error(`the reader thread exited (${code})`));
      waiting.clear();
    },
  });
  const ask = <T>(request: WithoutId<ReaderRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const current = thread.current();
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
    summary: (input) => ask({ kind: 'summary', input }),
    render: (input) => ask({ kind: 'render', input }),
    health: () => ask({ kind: 'health' }),
    exportDeliveries: (input) => ask({ kind: 'export', input }),
    exportFacts: (input) => ask({ kind: 'export-facts', input }),
    stop: () => thread.stop(),
  };
}
