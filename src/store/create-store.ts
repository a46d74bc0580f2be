import { createBackfills } from './create-backfills.ts';
import { createConfigs } from './create-configs.ts';
import { createDeliveryLog } from './create-delivery-log.ts';
import { createDeliveryQueue } from './create-delivery-queue.ts';
import { createEvaluationQueue } from './create-evaluation-queue.ts';
import { createEvaluationStates } from './create-evaluation-states.ts';
import { createFactLog } from './create-fact-log.ts';
import { createInbox } from './create-inbox.ts';
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
 * `applyMigrations` first.
 */
export function createStore({ db }: { db: SqlDatabase }): Store {
  const { dialect } = db;
  return {
    dialect,
    inbox: createInbox({ db }),
    ...createSlices({ q: db, dialect }),
    transaction: (work) => db.transaction((tx) => work(createSlices({ q: tx, dialect }))),
    health: () => readQueueHealth({ q: db }),
    releaseClaims: () =>
      db.transaction(async (tx) => {
        for (const table of ['deliveries', 'repos', 'backfills', 'release_verdicts']) {
          await tx.query(`UPDATE ${table} SET locked_by = NULL, locked_until = NULL WHERE locked_by IS NOT NULL`);
        }
      }),
    checkpoint: () => db.checkpoint(),
    close: () => db.close(),
  };
}
