// Entry of the report thread (start-report-thread.ts): computes reports off
// the thread that answers webhooks, so a costly config or a large org never
// delays an acknowledgement. Input and output are plain data.
import { parentPort } from 'node:worker_threads';
import { ConfigError, configFromObject } from '../src/config/index.ts';
import { computeReport } from '../src/kpi/index.ts';
import type { ReportRequest, ReportThreadAnswer } from './start-report-thread.ts';

parentPort?.on('message', ({ seq, input }: { seq: number; input: ReportRequest }) => {
  let answer: ReportThreadAnswer;
  try {
    const config = configFromObject({ value: input.config.value, file: input.config.file });
    const report = computeReport({
      facts: input.facts,
      config,
      now: input.now,
      ...(input.repo === undefined ? {} : { repo: input.repo }),
    });
    answer = { seq, report };
  } catch (error) {
    answer =
      error instanceof ConfigError
        ? { seq, configError: { file: error.file, issues: [...error.issues] } }
        : { seq, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  parentPort?.postMessage(answer);
});
