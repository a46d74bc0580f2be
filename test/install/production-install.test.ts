// The production install, as the image builds it and as a clone runs it
// (docs/operations.md, "Run it with Docker"): the Dockerfile's steps
// replayed in a clean copy of the repository as a non-root user — `npm ci
// --omit=dev --ignore-scripts`, no TypeScript —, then its CMD answering
// /healthz and its HEALTHCHECK passing, SIGTERM stopping it cleanly,
// `npm start` doing the same, and the CLI answering --version.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, privateKey, waitFor } from '../app/app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from '../app/fake-github.ts';
import { type ReplayedImage, replayDockerfile } from './replay-dockerfile.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

let dir: string;
let image: ReplayedImage;
let github: FakeGitHub;

/** A clean copy: the files git would check out (tracked, and new ones not ignored), nothing built or installed. */
function cleanCopy(target: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(ROOT, file)));
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    execFileSync('cp', ['-p', join(ROOT, file), join(target, file)]);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shipwell-image-'));
  chmodSync(dir, 0o755); // the image's user reaches its files through it
  const context = join(dir, 'context');
  cleanCopy(context);
  const root = join(dir, 'image');
  mkdirSync(root);
  image = await replayDockerfile({ dockerfile: join(context, 'Dockerfile'), context, root });
  github = await startFakeGitHub();
}, 300_000);
afterAll(async () => {
  await github?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What `docker run -e …` gives the container: the App's credentials, GitHub played locally, a free port. */
function runtimeEnv(): Record<string, string> {
  const { APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, GHE_PROTOCOL } = appEnv({ github, databaseUrl: '' });
  return {
    APP_ID,
    PRIVATE_KEY: PRIVATE_KEY ?? privateKey(),
    WEBHOOK_SECRET,
    GHE_HOST,
    GHE_PROTOCOL,
    PORT: '0',
    // another App on this machine may hold the loopback dashboard's default port
    SHIPWELL_DASHBOARD_PORT: '0',
    LOG_LEVEL: 'info',
  };
}

async function started(child: ChildProcess): Promise<{ port: number; output: () => string }> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const found = await waitFor(
    'the App listening',
    () => {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}:\n${output}`);
      return /listening on port (\d+)/.exec(output);
    },
    60_000,
  );
  return { port: Number(found[1]), output: () => output };
}

async function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

describe('the image, its steps replayed as a non-root user', () => {
  it('is built on Node 24 slim and runs as a user other than root', () => {
    expect(image.from).toMatch(/^node:24(\.\d+)*-slim(@sha256:[0-9a-f]{64})?$/);
    if (process.getuid?.() === 0) expect(image.uid).not.toBe(0);
    expect(image.volumes).toEqual([image.path('/data')]);
    expect(image.env.DATABASE_URL).toBe(`sqlite:${image.path('/data')}/shipwell.db`);
  });

  it('installs the production dependencies only: no TypeScript, no test tools', () => {
    const modules = join(image.workdir, 'node_modules');
    for (const present of ['probot', 'pg', 'zod', 'prom-client', 'yaml'])
      expect(existsSync(join(modules, present)), present).toBe(true);
    for (const absent of ['typescript', 'vitest', 'esbuild', '@biomejs', 'nock', 'smee-client']) {
      expect(existsSync(join(modules, absent)), absent).toBe(false);
    }
    expect(statSync(modules).uid).toBe(image.uid);
  });

  it('runs its CMD: healthy by its HEALTHCHECK, state on the /data volume, stopped by its STOPSIGNAL with exit 0', async () => {
    // the HEALTHCHECK asks the port the image is told (PORT): a free one here
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const env = { ...runtimeEnv(), PORT: String(port) };
    const child = image.spawn(image.cmd, env);
    const app = await started(child);
    expect(app.port).toBe(port);
    await waitFor('a healthy HEALTHCHECK', () => image.run(image.healthcheck, env).status === 0, 30_000);
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { database: { kind: string } };
    expect(health.database.kind).toBe('sqlite');
    const db = join(image.path('/data'), 'shipwell.db');
    expect(statSync(db).uid).toBe(image.uid);
    expect(await stopped(child, image.stopSignal)).toBe(0);
    // a stopped App fails the check
    expect(image.run(image.healthcheck, env).status).toBe(1);
  }, 120_000);

  it('answers /healthz through `npm start` too', async () => {
    const child = image.spawn(['npm', 'start'], runtimeEnv());
    const app = await started(child);
    expect((await fetch(`http://127.0.0.1:${app.port}/healthz`)).status).toBe(200);
    // npm hands SIGTERM to the App and then ends by the same signal (the App's own exit is 0, above)
    await stopped(child, 'SIGTERM');
    expect(child.signalCode === 'SIGTERM' || child.exitCode === 0).toBe(true);
    // and the App is gone with it: a supervisor signals npm alone (the script's shell must not keep the signal)
    await waitFor(
      'the App stopped',
      async () => {
        try {
          await fetch(`http://127.0.0.1:${app.port}/healthz`);
          return false;
        } catch {
          return true;
        }
      },
      15_000,
    );
  }, 120_000);

  it('holds the CLI: `npx shipwell --version` and `node bin/shipwell.js --version`', () => {
    const npx = image.run(['npx', '--offline', 'shipwell', '--version']);
    expect(npx.stderr).toBe('');
    expect(npx.stdout).toBe(`${version}\n`);
    const bin = image.run(['node', 'bin/shipwell.js', '--version']);
    expect(bin.stdout).toBe(`${version}\n`);
  });
});
