import { loadDotEnv } from './load-dot-env.ts';
import { type RunningApp, startApp } from './start-app.ts';

/**
 * `npm start`: reads `.env` when there is one (variables already set win),
 * starts the App and stops it cleanly on SIGTERM/SIGINT. A
 * start-up failure (bad environment, database unreachable) prints one line
 * and exits 1 (resolves null). Secrets are never printed. `options` are
 * startApp's (the fault suite shortens the redelivery scan).
 */
export async function runApp(options: Parameters<typeof startApp>[0] = {}): Promise<RunningApp | null> {
  try {
    loadDotEnv({ env: options.env ?? process.env });
    const app = await startApp(options);
    const stop = () => {
      app.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return app;
  } catch (error) {
    console.error(`shipwell app: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return null;
  }
}
