import { createProbot, type Probot } from 'probot';
import type { AppCredentials } from './read-app-credentials.ts';

/**
 * Probot for the App, with the credentials readAppCredentials checked passed
 * explicitly: Probot's own fallbacks (the secret `development`, a `*.pem`
 * found in the working directory) can never apply. `overrides` are Probot's
 * (a fetch with a timeout, a test Octokit).
 */
export function createAppProbot({
  env,
  credentials,
  overrides = {},
}: {
  env: Record<string, string | undefined>;
  credentials: AppCredentials;
  overrides?: NonNullable<NonNullable<Parameters<typeof createProbot>[0]>['overrides']>;
}): Probot {
  return createProbot({
    // PRIVATE_KEY set to the key itself: Probot's key lookup never searches the working directory
    env: { ...env, PRIVATE_KEY: credentials.privateKey, WEBHOOK_SECRET: credentials.secret },
    overrides: {
      ...overrides,
      appId: credentials.appId,
      privateKey: credentials.privateKey,
      secret: credentials.secret,
    },
  });
}
