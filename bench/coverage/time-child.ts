import { spawn } from 'node:child_process';

/** What a benchmark child printed, plus its whole-process wall time. */
export interface ChildResult {
  lines: { covered: number; total: number };
  files: number;
  maxRssKb: number;
  seconds: number;
}

/** Runs one parser in its own Node process; wall time from spawn to exit. */
export async function timeChild({ script, file }: { script: string; file: string }): Promise<ChildResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${script} exited ${code}`);
  return { ...(JSON.parse(stdout) as Omit<ChildResult, 'seconds'>), seconds };
}
