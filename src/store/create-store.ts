import type { Fact } from '../events/types.ts';
import { createBackfillQueue } from './create-backfill-queue.ts';
import { createDeliveryQueue } from './create-delivery-queue.ts';
import { createRepoRegistry } from './create-repo-registry.ts';
import { createScheduleState } from './create-schedule-state.ts';
import type { SqlDatabase, Store } from './types.ts';
import { writeFacts } from './write-facts.ts';

/**
 * The App's store over either database (`openSqlite` or `openPostgres`): one
 * schema, one set of queries. Call `applyMigrations` first.
 */
export function createStore({ db }: { db: SqlDatabase }): Store {
  return {
    dialect: db.dialect,
    ...createDeliveryQueue({ db }),
    ...createRepoRegistry({ db }),
    ...createBackfillQueue({ db }),
    ...createScheduleState({ db }),

    async readFacts(scope) {
      const rows =
        'repo' in scope
          ? await db.query<{ body: string }>('SELECT body FROM facts WHERE repo = $1', [scope.repo])
          : await db.query<{ body: string }>('SELECT body FROM facts WHERE org = $1', [scope.org]);
      return rows.map((row) => JSON.parse(row.body) as Fact);
    },

    upsertFacts: ({ facts, now }) => db.transaction((tx) => writeFacts({ tx, facts, now, dialect: db.dialect })),

    async health({ now }) {
      const count = async (sql: string, params: (string | number)[] = []) =>
        Number((await db.query<{ n: number | string | null }>(sql, params))[0]?.n ?? 0);
      const newest = async (sql: string) => {
        const n = (await db.query<{ n: number | string | null }>(sql))[0]?.n ?? null;
        return n === null ? null : Number(n);
      };
      const queue = await db.query<{ status: string; n: number | string; oldest: number | string | null }>(
        "SELECT status, COUNT(*) AS n, MIN(received_at) AS oldest FROM deliveries WHERE status <> 'processed' GROUP BY status",
      );
      const of = (status: string) => queue.find((row) => row.status === status);
      const oldest = queue.map((row) => row.oldest).filter((v): v is number | string => v !== null);
      return {
        pending: Number(of('pending')?.n ?? 0),
        failed: Number(of('failed')?.n ?? 0),
        oldestPendingAt: oldest.length > 0 ? Math.min(...oldest.map(Number)) : null,
        lastProcessedAt: await newest('SELECT MAX(processed_at) AS n FROM deliveries WHERE processed_at IS NOT NULL'),
        dirtyRepos: await count('SELECT COUNT(*) AS n FROM repos WHERE dirty_at IS NOT NULL AND dirty_at <= $1', [now]),
        backfillsPending: await count("SELECT COUNT(*) AS n FROM backfills WHERE status <> 'done'"),
        timers: await count('SELECT COUNT(*) AS n FROM timers'),
      };
    },

    releaseClaims: () =>
      db.transaction(async (tx) => {
        for (const table of ['deliveries', 'repos', 'backfills']) {
          await tx.query(`UPDATE ${table} SET locked_by = NULL, locked_until = NULL WHERE locked_by IS NOT NULL`);
        }
        await tx.query("DELETE FROM publications WHERE state = 'claimed'");
      }),

    checkpoint: () => db.checkpoint(),
    close: () => db.close(),
  };
}
