import type { QueueHealth } from '../src/store/index.ts';

/** The queue figures a benchmarked App's `/healthz` shows. */
export async function readQueueHealth(port: number): Promise<Pick<QueueHealth, 'pending' | 'failed' | 'dirtyRepos'>> {
  const body = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { queue?: Partial<QueueHealth> };
  return {
    pending: body.queue?.pending ?? 0,
    failed: body.queue?.failed ?? 0,
    dirtyRepos: body.queue?.dirtyRepos ?? 0,
  };
}
