import { join } from 'node:path';
import { loadDotEnv } from '../load-dot-env.ts';
import { startSetup } from './start-setup.ts';

/**
 * `npm run setup`: serves the manifest flow on PORT (default 3000) until the
 * App is registered and `.env` written, says what to do next and exits 0; a
 * failure prints one line and exits 1. Its own command: `npm start` refuses
 * to start without the App's credentials and points here.
 */
export async function runSetup({
  env = process.env,
  cwd = process.cwd(),
}: {
  env?: Record<string, string | undefined>;
  cwd?: string;
} = {}): Promise<void> {
  try {
    const dotEnvPath = join(cwd, '.env');
    loadDotEnv({ env, path: dotEnvPath });
    if (env.APP_ID?.trim()) {
      console.log(
        `shipwell setup: APP_ID is already set (${env.APP_ID.trim()}); registering another App replaces it in .env`,
      );
    }
    const setup = await startSetup({
      env,
      dotEnvPath,
      port: Number(env.PORT?.trim() || 3000),
      host: env.HOST?.trim() || undefined,
    });
    console.log(
      `shipwell setup: open http://localhost:${setup.port} to register the App on GitHub (or this server's public address)`,
    );
    const app = await setup.done;
    await setup.stop();
    console.log(
      `shipwell setup: registered ${app.slug} (App id ${app.appId}); APP_ID, PRIVATE_KEY and WEBHOOK_SECRET are in ${dotEnvPath}.\n` +
        `Install it on your organization: ${app.installUrl}\nThen start the App: npm start`,
    );
  } catch (error) {
    console.error(`shipwell setup: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
