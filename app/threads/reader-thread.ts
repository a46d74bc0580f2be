// Entry of the reader thread (start-reader-thread.ts): reports and exports
// read and computed on their own thread and database connection, so a
// dashboard or an API call never delays a webhook's acknowledgement.
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '../../src/config/index.ts';
import { createReportSource } from '../dashboard/create-report-source.ts';
import { openStore } from '../open-store.ts';
import { readAppEnv } from '../read-app-env.ts';
import { createGiveWay } from './give-way.ts';
import type { ReaderRequest, ReaderResponse } from './start-reader-thread.ts';
import { yieldToAnswers } from './yield-to-answers.ts';

const { env, door } = workerData as { env: Record<string, string | undefined>; door: SharedArrayBuffer };
yieldToAnswers();
const settings = readAppEnv(env);
// the inbox file too (SQLite): what landed there counts as pending in the queue's health
const store = await openStore({
  database: settings.database,
  now: Date.now(),
  checkpoints: 'manual',
  migrate: false,
  landing: true,
});
const source = createReportSource({ store });
const giveWay = createGiveWay({ buffer: door });
/** What a request asks for, computed. */
function answer(message: ReaderRequest): Promise<unknown> {
  switch (message.kind) {
    case 'report':
      return source.report(message.input);
    case 'summary':
      return source.summary(message.input);
    case 'render':
      return source.render(message.input);
    case 'health':
      return source.health();
    case 'export':
      return source.exportDeliveries(message.input);
    case 'export-facts':
      return source.exportFacts(message.input);
  }
}
const reply = (message: ReaderResponse) => parentPort?.postMessage(message);
parentPort?.on('message', (message: ReaderRequest | 'stop') => {
  if (message === 'stop') {
    void store.close().then(() => parentPort?.postMessage('stopped'));
    return;
  }
  // a report's queries hold a database session (on PostgreSQL, a server process at normal priority):
  // while acknowledgements are slow, they start a little later (give-way.ts)
  const work = giveWay().then(() => answer(message));
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
