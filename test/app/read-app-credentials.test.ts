// The App refuses to start without its credentials (issue #12): one line
// naming what is missing (our variable names), never a value, never
// Probot's default secret nor a *.pem lying in the working directory.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProbot } from '../../app/create-app-probot.ts';
import { readAppCredentials } from '../../app/read-app-credentials.ts';
import { sign, testPrivateKey } from './signed-delivery.ts';

const KEY = testPrivateKey();
const dir = mkdtempSync(join(tmpdir(), 'shipwell-credentials-'));
const keyFile = join(dir, 'app.pem');
writeFileSync(keyFile, KEY);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HINT = '; to register a new GitHub App run `npm run setup`';

describe('readAppCredentials', () => {
  it.each([
    ['nothing', {}, 'WEBHOOK_SECRET, APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH'],
    ['no secret', { APP_ID: '1', PRIVATE_KEY: KEY }, 'WEBHOOK_SECRET'],
    ['a blank secret', { APP_ID: '1', PRIVATE_KEY: KEY, WEBHOOK_SECRET: '  ' }, 'WEBHOOK_SECRET'],
    ['no App id', { WEBHOOK_SECRET: 's', PRIVATE_KEY_PATH: keyFile }, 'APP_ID'],
    ['no key', { WEBHOOK_SECRET: 's', APP_ID: '1' }, 'PRIVATE_KEY or PRIVATE_KEY_PATH'],
    ['an empty key', { WEBHOOK_SECRET: 's', APP_ID: '1', PRIVATE_KEY: '' }, 'PRIVATE_KEY or PRIVATE_KEY_PATH'],
  ])('%s: refuses naming %s, in one line', (_, env: Record<string, string>, missing) => {
    expect(() => readAppCredentials(env)).toThrow(`refusing to start without ${missing}${HINT}`);
  });

  it('never takes a *.pem from the working directory', () => {
    const cwd = process.cwd();
    process.chdir(dir); // app.pem lies here
    try {
      expect(() => readAppCredentials({ WEBHOOK_SECRET: 's', APP_ID: '1' })).toThrow('PRIVATE_KEY or PRIVATE_KEY_PATH');
    } finally {
      process.chdir(cwd);
    }
  });

  it('names an unusable variable without echoing its value', () => {
    const secretish = 'not-a-key-Zq9s3cr3t';
    const run = () => readAppCredentials({ WEBHOOK_SECRET: 'hook-s3cr3t', APP_ID: 'x1', PRIVATE_KEY: secretish });
    expect(run).toThrow(
      "refusing to start: APP_ID: expected the App id (a positive whole number); PRIVATE_KEY: expected the App's private key in PEM (the .pem file GitHub gave)",
    );
    try {
      run();
    } catch (error) {
      expect((error as Error).message).not.toMatch(/s3cr3t/);
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
    expect(() =>
      readAppCredentials({ WEBHOOK_SECRET: 's', APP_ID: '1', PRIVATE_KEY_PATH: join(dir, 'missing.pem') }),
    ).toThrow(`PRIVATE_KEY_PATH: cannot read ${JSON.stringify(join(dir, 'missing.pem'))} (ENOENT)`);
  });

  it('reads the key from PRIVATE_KEY (PEM, escaped newlines, base64) or PRIVATE_KEY_PATH', () => {
    for (const PRIVATE_KEY of [KEY, KEY.replace(/\n/g, '\\n'), Buffer.from(KEY).toString('base64')]) {
      expect(readAppCredentials({ WEBHOOK_SECRET: 's', APP_ID: '7', PRIVATE_KEY }).privateKey.trim()).toBe(KEY.trim());
    }
    expect(readAppCredentials({ WEBHOOK_SECRET: 's', APP_ID: '7', PRIVATE_KEY_PATH: keyFile })).toEqual({
      appId: 7,
      privateKey: KEY,
      secret: 's',
    });
  });
});

describe('createAppProbot', () => {
  it("verifies with the operator's secret only, never Probot's default `development`", async () => {
    const credentials = readAppCredentials({ WEBHOOK_SECRET: 'real-secret', APP_ID: '7', PRIVATE_KEY: KEY });
    const probot = createAppProbot({ env: { LOG_LEVEL: 'fatal' }, credentials });
    await probot.ready();
    const body = '{"zen":"x"}';
    expect(await probot.webhooks.verify(body, sign({ body, secret: 'real-secret' }))).toBe(true);
    expect(await probot.webhooks.verify(body, sign({ body, secret: 'development' }))).toBe(false);
  });
});
