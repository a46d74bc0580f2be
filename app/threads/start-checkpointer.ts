import type { Logger } from 'probot';
import { superviseThread } from './supervise-thread.ts';

/** How often the log is copied (at 3,000 deliveries/s, ~6 MB of it each time). */
const INTERVAL = 100;

/**
 * Starts the checkpoint thread (checkpoint-thread.ts) for the SQLite file at
 * `path`, whose other connections are opened with `checkpoints: 'manual'`.
 * Its failures are logged; a thread that dies is started again.
 */
export function startCheckpointer({
  path,
  log,
  restartBytes,
}: {
  path: string;
  log: Logger;
  /** How large the file's log grows before it is started over (openSqlite's default when absent). */
  restartBytes?: number;
}): Promise<{ stop(): Promise<void> }> {
  return superviseThread({
    name: 'checkpoint',
    url: new URL('./checkpoint-thread.ts', import.meta.url),
    workerData: { path, interval: INTERVAL, restartBytes },
    log,
    ready: false,
    onMessage: (message) => {
      if (typeof message === 'object' && message !== null && 'error' in message)
        log.error(`SQLite checkpoint failed: ${String(message.error)}`);
    },
  });
}
