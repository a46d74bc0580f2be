import { Worker } from 'node:worker_threads';
import { ConfigError, type ConfigIssue } from '../src/config/index.ts';
import type { Fact } from '../src/events/index.ts';
import type { Report } from '../src/report/types.ts';

/** What a report is computed from: the config as read (validated on the thread), facts, `now`. */
export interface ReportRequest {
  facts: Fact[];
  config: { value: unknown; file: string };
  now: number;
  repo?: string;
}

export type ReportThreadAnswer =
  | { seq: number; report: Report }
  | { seq: number; configError: { file: string; issues: ConfigIssue[] } }
  | { seq: number; error: string };

/** Computes one report off the calling thread; a config that does not validate rejects with its ConfigError. */
export type ComputeReport = (input: ReportRequest) => Promise<Report>;

/**
 * A thread that computes KPI reports (the pure core's computeReport), so the
 * thread answering webhooks never spends long on one (docs/app.md, "Answers
 * first"): requests are answered in order; a thread that dies is started
 * again and what it was computing rejects. The thread loads the core while
 * the App starts (requests made before it is ready wait in its queue).
 */
export function startReportThread(): { compute: ComputeReport; stop(): Promise<void> } {
  let seq = 0;
  let stopping = false;
  const waiting = new Map<number, { resolve: (report: Report) => void; reject: (error: Error) => void }>();
  let thread: Worker;
  const spawn = () => {
    thread = new Worker(new URL('./report-thread.ts', import.meta.url));
    thread.unref();
    thread.on('message', (answer: ReportThreadAnswer) => {
      const waiter = waiting.get(answer.seq);
      waiting.delete(answer.seq);
      if (!waiter) return;
      if ('report' in answer) waiter.resolve(answer.report);
      else if ('configError' in answer) waiter.reject(new ConfigError(answer.configError));
      else waiter.reject(new Error(`computing the report failed: ${answer.error}`));
    });
    thread.on('error', () => undefined); // 'exit' follows
    thread.on('exit', (code) => {
      for (const waiter of waiting.values()) waiter.reject(new Error(`the report thread exited (${code})`));
      waiting.clear();
      if (!stopping) spawn();
    });
  };
  spawn();
  return {
    compute: (input) =>
      new Promise<Report>((resolve, reject) => {
        seq += 1;
        waiting.set(seq, { resolve, reject });
        thread.postMessage({ seq, input });
      }),
    async stop() {
      stopping = true;
      await thread.terminate();
    },
  };
}
