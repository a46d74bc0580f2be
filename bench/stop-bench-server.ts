import type { BenchServer } from './start-bench-server.ts';

/** Stops a benchmark server (SIGTERM, then SIGKILL after 20 s); resolves with the CPU µs it reported. */
export async function stopBenchServer(server: BenchServer): Promise<number> {
  const { child } = server;
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 20_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  return Number(/cpu (\d+)/.exec(server.output())?.[1] ?? Number.NaN);
}
