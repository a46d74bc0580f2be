import { createBackfills } from './create-backfills.ts';
import { createConfigs } from './create-configs.ts';
import { createDeliveryLog } from './create-delivery-log.ts';
import { createDeliveryQueue } from './create-delivery-queue.ts';
import { createEvaluationQueue } from './create-evaluation-queue.ts';
import { createEvaluationStates } from './create-evaluation-states.ts';
import { createFactLog } from './create-fact-log.ts';
import { createInbox } from './create-inbox.ts';
import { createLanding } from './create-landing.ts';
import { createLeases } from './create-leases.ts';
import { createRedeliveries } from './create-redeliveries.ts';
import { createRepoRegistry } from './create-repo-registry.ts';
import { createTimers } from './create-timers.ts';
import { createVerdicts } from './create-verdicts.ts';
import { readQueueHealth } from './read-queue-health.ts';
import type { Dialect, SqlDatabase, SqlExecutor, Store, StoreSlices } from './types.ts';

/** Every slice over one executor: the database itself, or one transaction (nested work joins it). */
function createSlices({ q, dialect }: { q: SqlExecutor; dialect: Dialect }): StoreSlices {
  return {
    deliveries: createDeliveryQueue({ q, dialect }),
    facts: createFactLog({ q, dialect }),
    states: createEvaluationStates({ q }),
    repos: createRepoRegistry({ q }),
    evaluations: createEvaluationQueue({ q, dialect }),
    timers: createTimers({ q }),
    verdicts: createVerdicts({ q, dialect }),
    backfills: createBackfills({ q, dialect }),
    configs: createConfigs({ q }),
    redeliveries: createRedeliveries({ q }),
    leases: createLeases({ q }),
    log: createDeliveryLog({ q }),
  };
}

/**
 * The App's store over either database (`openSqlite` or `openPostgres`): one
 * schema, one set of queries, one slice per job (src/store/types.ts). Call
 * `applyMigrations` first. With `landing` (a SQLite file of its own, made
 * ready by `prepareLanding`), the door's inbox appends there and `admit`
 * moves what landed into the queue (createLanding).
 */
export function createStore({ db, landing }: { db: SqlDatabase; landing?: SqlDatabase }): Store {
  const { dialect } = db;
  const queue = createInbox({ db });
  const landed = landing ? createLanding({ landing, queue }) : null;
  const slices = createSlices({ q: db, dialect });
  return {
    dialect,
    inbox: landed?.inbox ?? queue,
    admit: (input) => landed?.admit(input) ?? Promise.resolve(0),
    ...slices,
    // a delivery that waits in the landing file is stored too (the redelivery scan must not ask for it again)
    redeliveries: landed
      ? {
          ...slices.redeliveries,
          async storedIds({ ids }) {
            const queued = await slices.redeliveries.storedIds({ ids });
            const waiting = await landed.holds({ ids: ids.filter((id) => !queued.has(id)) });
            return new Set([...queued, ...waiting]);
          },
        }
      : slices.redeliveries,
    transaction: (work) => db.transaction((tx) => work(createSlices({ q: tx, dialect }))),
    async health() {
      const health = await readQueueHealth({ q: db });
      if (!landed) return health;
      // what landed waits to be processed too
      const { count, oldestAt } = await landed.waiting();
      const oldest = [health.oldestPendingAt, oldestAt].filter((at): at is number => at !== null);
      return {
        ...health,
        pending: health.pending + count,
        oldestPendingAt: oldest.length > 0 ? Math.min(...oldest) : null,
      };
    },
    releaseClaims: () =>
      db.transaction(async (tx) => {
        for (const table of ['deliveries', 'repos', 'backfills', 'release_verdicts']) {
          await tx.query(`UPDATE ${table} SET locked_by = NULL, locked_until = NULL WHERE locked_by IS NOT NULL`);
        }
      }),
    async checkpoint() {
      await db.checkpoint();
      await landing?.checkpoint();
    },
    async close() {
      await db.close();
      await landing?.close();
    },
  };
}
