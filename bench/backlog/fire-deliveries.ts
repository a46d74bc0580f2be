import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { BENCH_SECRET } from '../bench-app-env.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** What one run of the load generator measured (bench/backlog/fire.ts). */
export interface Fired {
  sent: number;
  ok: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  failures: number;
  next: number;
}

/**
 * Runs the load generator (bench/backlog/fire.ts) in its own process at
 * nice 10, so it cannot starve the server it measures; resolves with what it
 * measured.
 */
export function fireDeliveries(options: {
  port: number;
  seconds: number;
  rate?: number;
  first: number;
  repos: number;
  acked?: string;
  start?: number;
}): Promise<Fired> {
  return new Promise((done, fail) => {
    const child = spawn(
      'nice',
      [
        '-n',
        '10',
        process.execPath,
        join(ROOT, 'bench/backlog/fire.ts'),
        JSON.stringify({ ...options, secret: BENCH_SECRET }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) =>
      code === 0 ? done(JSON.parse(out) as Fired) : fail(new Error(`load generator exited ${code}`)),
    );
  });
}
