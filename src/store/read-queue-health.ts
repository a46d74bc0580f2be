import type { QueueHealth, SqlExecutor } from './types.ts';

/** Counts of the App's queues (a few indexed counts: cheap enough for every `/healthz`). */
export async function readQueueHealth({ q }: { q: SqlExecutor }): Promise<QueueHealth> {
  const count = async (sql: string, params: (string | number)[] = []) =>
    Number((await q.query<{ n: number | string | null }>(sql, params))[0]?.n ?? 0);
  const newest = async (sql: string) => {
    const n = (await q.query<{ n: number | string | null }>(sql))[0]?.n ?? null;
    return n === null ? null : Number(n);
  };
  const queue = await q.query<{ status: string; n: number | string; oldest: number | string | null }>(
    "SELECT status, COUNT(*) AS n, MIN(received_at) AS oldest FROM deliveries WHERE status <> 'processed' GROUP BY status",
  );
  const of = (status: string) => queue.find((row) => row.status === status);
  const oldest = queue.map((row) => row.oldest).filter((v): v is number | string => v !== null);
  return {
    pending: Number(of('pending')?.n ?? 0),
    failed: Number(of('failed')?.n ?? 0),
    oldestPendingAt: oldest.length > 0 ? Math.min(...oldest.map(Number)) : null,
    lastProcessedAt: await newest('SELECT MAX(processed_at) AS n FROM deliveries WHERE processed_at IS NOT NULL'),
    dirtyRepos: await count('SELECT COUNT(*) AS n FROM repos WHERE dirty_at IS NOT NULL'),
    verdictsToPublish: await count('SELECT COUNT(*) AS n FROM release_verdicts WHERE publish_due IS NOT NULL'),
    backfillsPending: await count("SELECT COUNT(*) AS n FROM backfills WHERE status <> 'done'"),
    timers: await count('SELECT COUNT(*) AS n FROM timers'),
  };
}
