// Entry of the reader thread (start-reader-thread.ts): reports and exports
// read and computed on their own thread and database connection, so a
// dashboard or an API call never delays a webhook's acknowledgement.
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '../../src/config/index.ts';
import { createReportSource } from '../dashboard/create-report-source.ts';
import { openStore } from '../open-store.ts';
import { readAppEnv } from '../read-app-env.ts';
import type { ReaderRequest, ReaderResponse } from './start-reader-thread.ts';
import { yieldToAnswers } from './yield-to-answers.ts';

const { env } = workerData as { env: Record<string, string | undefined> };
yieldToAnswers();
const settings = readAppEnv(env);
const store = await openStore({ database: settings.database, now: Date.now(), checkpoints: 'manual', migrate: false });
const source = createReportSource({ store });
const reply = (message: ReaderResponse) => parentPort?.postMessage(message);
parentPort?.on('message', (message: ReaderRequest | 'stop') => {
  if (message === 'stop') {
    void store.close().then(() => parentPort?.postMessage('stopped'));
    return;
  }
  const work =
    message.kind === 'report'
      ? source.report(message.input)
      : message.kind === 'summary'
        ? source.summary(message.input)
        : message.kind === 'render'
          ? source.render(message.input)
          : message.kind === 'export'
            ? source.exportDeliveries(message.input)
            : source.exportFacts(message.input);
  work.then(
    // rendered bytes are handed over, not copied (renderReportView gives them a buffer of their own)
    (result) =>
      result instanceof Uint8Array
        ? parentPort?.postMessage({ id: message.id, result } satisfies ReaderResponse, [result.buffer as ArrayBuffer])
        : reply({ id: message.id, result }),
    (error: Error) =>
      reply({
        id: message.id,
        error: {
          message: error.message,
          config: error instanceof ConfigError ? { file: error.file, issues: error.issues } : null,
        },
      }),
  );
});
parentPort?.postMessage('ready');
