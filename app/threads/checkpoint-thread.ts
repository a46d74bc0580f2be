// Entry of the checkpoint thread (start-checkpointer.ts): copies SQLite's
// write-ahead log into the database file on its own connection, so neither
// the thread answering webhooks nor the worker storing deliveries ever waits
// for a checkpoint (tens of milliseconds for every few thousand deliveries).
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../../src/store/index.ts';
import { yieldToAnswers } from './yield-to-answers.ts';

const { path, interval, restartBytes } = workerData as { path: string; interval: number; restartBytes?: number };
yieldToAnswers();
const db = openSqlite({
  database: new DatabaseSync(path),
  checkpoints: 'manual',
  ...(restartBytes === undefined ? {} : { restartBytes }),
});
const timer = setInterval(() => {
  db.checkpoint().catch((error: Error) => parentPort?.postMessage({ error: error.message }));
}, interval);
parentPort?.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  void db
    .checkpoint()
    .catch(() => undefined)
    .then(() => db.close())
    .then(() => parentPort?.postMessage('stopped'));
});
