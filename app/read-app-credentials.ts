import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The App's identity on GitHub, as the operator gave it: never a default. */
export interface AppCredentials {
  appId: number;
  /** The PEM text of the App's private key. */
  privateKey: string;
  /** The webhook secret deliveries are signed with. */
  secret: string;
}

const SETUP_HINT = '; to register a new GitHub App run `npm run setup`';

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** PRIVATE_KEY as Probot accepts it: PEM, PEM with `\n` escapes, or base64 of PEM. */
function decodeKey(text: string): string {
  const trimmed = text.trim();
  const pem = trimmed.includes('-----BEGIN') ? trimmed : Buffer.from(trimmed, 'base64').toString('utf8');
  return pem.replace(/\\n/g, '\n');
}

/**
 * The App's credentials from its environment (docs/app.md, "Run it"):
 * `APP_ID`, `PRIVATE_KEY` (or `PRIVATE_KEY_PATH`, a file) and
 * `WEBHOOK_SECRET`. Without any of them the App must not start: Probot would
 * otherwise verify deliveries with its public default secret `development`
 * (anyone could forge one) and take whatever `*.pem` lies in the working
 * directory. Throws one line naming every missing or unusable variable,
 * never a value.
 */
export function readAppCredentials(env: Record<string, string | undefined>): AppCredentials {
  const missing: string[] = [];
  if (!present(env.WEBHOOK_SECRET)) missing.push('WEBHOOK_SECRET');
  if (!present(env.APP_ID)) missing.push('APP_ID');
  if (!present(env.PRIVATE_KEY) && !present(env.PRIVATE_KEY_PATH)) missing.push('PRIVATE_KEY or PRIVATE_KEY_PATH');
  if (missing.length > 0) {
    throw new Error(`refusing to start without ${missing.join(', ')}${SETUP_HINT}`);
  }
  const problems: string[] = [];
  const appId = Number(env.APP_ID!.trim());
  if (!Number.isSafeInteger(appId) || appId <= 0)
    problems.push('APP_ID: expected the App id (a positive whole number)');
  let privateKey = '';
  if (present(env.PRIVATE_KEY)) privateKey = decodeKey(env.PRIVATE_KEY);
  else {
    try {
      privateKey = readFileSync(env.PRIVATE_KEY_PATH!.trim(), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      problems.push(`PRIVATE_KEY_PATH: cannot read ${JSON.stringify(env.PRIVATE_KEY_PATH)} (${code})`);
    }
  }
  if (privateKey !== '') {
    try {
      createPrivateKey(privateKey);
    } catch {
      const variable = present(env.PRIVATE_KEY) ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH';
      problems.push(`${variable}: expected the App's private key in PEM (the .pem file GitHub gave)`);
    }
  }
  if (problems.length > 0) throw new Error(`refusing to start: ${problems.join('; ')}`);
  return { appId, privateKey, secret: env.WEBHOOK_SECRET! };
}
