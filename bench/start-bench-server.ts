import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface BenchServer {
  child: ChildProcess;
  port: number;
  /** Everything the child printed so far (e.g. its `cpu N` line at the end). */
  output: () => string;
}

/** Starts a benchmark server script (run from `root`) and waits for the `port N` line it prints. */
export async function startBenchServer({
  root,
  script,
  args,
  env,
}: {
  root: string;
  script: string;
  args: string[];
  env: Record<string, string>;
}): Promise<BenchServer> {
  const child = spawn(process.execPath, [join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const port = await new Promise<number>((done, fail) => {
    const poll = setInterval(() => {
      const found = /port (\d+)/.exec(out);
      if (found) {
        clearInterval(poll);
        done(Number(found[1]));
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(poll);
      fail(new Error(`bench server ${script} ${args[0] ?? ''} exited ${code}`));
    });
  });
  return { child, port, output: () => out };
}
