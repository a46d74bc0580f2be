import { startApp } from './start-app.ts';

/**
 * `npm start`: starts the App and stops it cleanly on SIGTERM/SIGINT. A
 * start-up failure (bad environment, database unreachable) prints one line
 * and exits 1. Secrets are never printed.
 */
export async function runApp(): Promise<void> {
  try {
    const app = await startApp();
    const stop = () => {
      app.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (error) {
    console.error(`shipwell app: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
