// `npm start` (node app/index.ts) as a child process, as it runs in
// production: its own worker thread, Probot's default Octokit (retries and
// throttling on), JSON logs on stdout/stderr kept for the test to read.
import { type ChildProcess, spawn } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface AppProcess {
  child: ChildProcess;
  port: number;
  /** Where the dashboard and API answer (test/faults/serve-app.ts reports it; else the main port). */
  dashboardPort: number;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the process has exited. */
  exited(): Promise<void>;
}

/** Needs LOG_LEVEL info or lower with `app/index.ts` (it waits for the "listening on port" line). */
export async function spawnApp({
  env,
  entry = 'app/index.ts',
}: {
  env: Record<string, string>;
  /** `app/index.ts` (npm start) or `test/faults/serve-app.ts` (a short redelivery scan interval). */
  entry?: string;
}): Promise<AppProcess> {
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    // any free port for the loopback dashboard unless told: another App on this machine may hold 3001
    env: { ...process.env, SHIPWELL_DASHBOARD_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    // never leave behind a process that did not come up
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`app did not report "listening on port" within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on port (\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`app exited (${child.exitCode ?? child.signalCode}) before listening:\n${output}`));
    });
  });
  return {
    child,
    port,
    dashboardPort: Number(/dashboard on port (\d+)/.exec(output)?.[1] ?? port),
    output: () => output,
    exited: () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : exit),
  };
}

/** SIGTERM (a clean stop), then SIGKILL if it is still there after `grace` ms. */
export async function stopApp(app: AppProcess, grace = 15_000): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => app.child.kill('SIGKILL'), grace);
  await app.exited();
  clearTimeout(timer);
}
