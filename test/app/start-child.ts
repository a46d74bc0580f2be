// `npm start` (node app/index.ts) as a child process with the App's test
// environment; resolves with its port once it listens.
import { type ChildProcess, spawn } from 'node:child_process';
import { appEnv } from './app-harness.ts';
import type { FakeGitHub } from './fake-github.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

export async function startChild({
  github,
  databaseUrl,
  env: extra = {},
}: {
  github: FakeGitHub;
  databaseUrl: string;
  /** More variables, or other values (LOG_LEVEL, a dashboard token). */
  env?: Record<string, string>;
}): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const env = {
    ...process.env,
    ...appEnv({ github, databaseUrl }),
    LOG_LEVEL: 'info' as const,
    LOG_FORMAT: 'json' as const,
    ...extra,
  };
  const child = spawn(process.execPath, ['app/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const poll = setInterval(() => {
      const found = /listening on port (\d+)/.exec(output);
      if (found) {
        clearInterval(poll);
        resolve(Number(found[1]));
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(poll);
      reject(new Error(`app exited (${code}) before listening:\n${output}`));
    });
  });
  return { child, port, output: () => output };
}

/** Stops a child with SIGTERM (clean shutdown) and waits for it. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
