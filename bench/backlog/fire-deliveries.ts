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
  /** The generator's own CPU while it ran, as a share of one core (0.15 = 15 %). */
  cpuShare: number;
  next: number;
}

/**
 * Runs the load generator (bench/backlog/fire.ts) in its own process;
 * resolves with what it measured. As fast as it can (no `rate`), it runs at
 * nice 10, a lower share than the server's, so it cannot starve the server
 * it measures. At a `rate` it holds, it runs at the server's priority: its
 * share of the cores is bounded by the rate (`cpuShare` says how much), and
 * a niced generator's latencies included its own waits for the cores behind
 * the server's busy threads, which GitHub's deliveries do not wait for
 * (BENCHMARKS.md, "Acknowledging while a backlog drains").
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
        options.rate === undefined ? '10' : '0',
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
