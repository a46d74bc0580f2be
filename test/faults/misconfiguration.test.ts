// `npm start` misconfigured (issue #12) stops at once, loudly: one line
// naming what is wrong (our variable names), exit 1 — never a running App
// that verifies with Probot's default secret `development`, takes a *.pem
// lying in the working directory, or dies on a bare ECONNREFUSED.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testPrivateKey } from '../app/signed-delivery.ts';

const ENTRY = new URL('../../app/index.ts', import.meta.url).pathname;
const KEY = testPrivateKey();
const cwd = mkdtempSync(join(tmpdir(), 'shipwell-misconfigured-'));
writeFileSync(join(cwd, 'my-app.2026-01-01.private-key.pem'), KEY); // what Probot would pick up by itself
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** Starts `npm start`'s entry in `cwd` with exactly `env`; resolves when it exits (or is killed after 20 s). */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [ENTRY], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const HINT = '; to register a new GitHub App run `npm run setup`';

describe('npm start without its credentials', () => {
  it.each([
    ['nothing', {}, 'WEBHOOK_SECRET, APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH'],
    ['no WEBHOOK_SECRET', { APP_ID: '1', PRIVATE_KEY: KEY }, 'WEBHOOK_SECRET'],
    [
      'no private key (a *.pem lies in the working directory)',
      { APP_ID: '1', WEBHOOK_SECRET: 's' },
      'PRIVATE_KEY or PRIVATE_KEY_PATH',
    ],
    ['no APP_ID', { WEBHOOK_SECRET: 's', PRIVATE_KEY: KEY }, 'APP_ID'],
  ])('%s: exits 1 with one line naming what is missing', async (_, env: Record<string, string>, missing) => {
    const { code, output } = await start({ ...env, DATABASE_URL: `sqlite:${join(cwd, 'app.db')}` });
    expect(code).toBe(1);
    expect(output).toBe(`shipwell app: refusing to start without ${missing}${HINT}\n`);
  });
});

describe('npm start with a database it cannot reach', () => {
  const credentials = { APP_ID: '1', PRIVATE_KEY: KEY, WEBHOOK_SECRET: 's' };

  it('PostgreSQL refusing connections: says so in words, password masked', async () => {
    const port = await closedPort();
    const { code, output } = await start({
      ...credentials,
      DATABASE_URL: `postgres://shipwell:Pa55-w0rd@127.0.0.1:${port}/shipwell`,
    });
    expect(code).toBe(1);
    expect(output).toBe(
      `shipwell app: cannot reach the database at postgres://shipwell:***@127.0.0.1:${port}/shipwell: connection refused\n`,
    );
  });

  it('an SQLite file in a folder that does not exist', async () => {
    const path = join(cwd, 'missing', 'app.db');
    const { code, output } = await start({ ...credentials, DATABASE_URL: `sqlite:${path}` });
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`^shipwell app: cannot open the database at sqlite:${path}: .+\\n$`));
  });
});
