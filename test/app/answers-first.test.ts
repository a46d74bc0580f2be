// Answers first (docs/app.md): while deliveries keep arriving and a backlog
// of 40 or more was claimed, the worker rests after each batch (setTimeout,
// faked here so the rest lasts until the test moves the clock); when nothing
// new arrives it works through the backlog batch after batch. A real store
// (SQLite) and the real worker; what is asserted is the queue's state.
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SECOND } from '../../app/durations.ts';
import { startWorker, type Worker } from '../../app/start-worker.ts';
import type { AppDeps } from '../../app/types.ts';
import { applyMigrations, createStore, openSqlite, type Store } from '../../src/store/index.ts';

const T0 = Date.parse('2026-03-01T12:00:00Z');
/** More than two of SQLite's batches (50): two full ones, then 20. */
const BACKLOG = 120;

async function seededStore(): Promise<Store> {
  const db = openSqlite({ database: new DatabaseSync(':memory:') });
  await applyMigrations({ db, now: T0 });
  const store = createStore({ db });
  // pings: no repository, no facts, so nothing to publish (no GitHub needed)
  await Promise.all(
    Array.from({ length: BACKLOG }, (_, i) =>
      store.recordDelivery({
        received: {
          id: `d-${i}`,
          name: 'ping',
          at: new Date(T0).toISOString(),
          // each its own payload: a payload stored under another id is a replay, not a delivery
          payloadText: `{"zen":"Keep it simple.","n":${i}}`,
        },
        receivedAt: T0 + i,
      }),
    ),
  );
  return store;
}

function deps(store: Store): AppDeps {
  const refuse = () => Promise.reject(new Error('no GitHub in this test'));
  return {
    store,
    clock: () => T0 + 10 * SECOND,
    log: { info: () => undefined, error: () => undefined, warn: () => undefined } as unknown as AppDeps['log'],
    worker: 'w',
    github: { installation: refuse, app: refuse },
  };
}

const processed = async (store: Store) => BACKLOG - (await store.health({ now: T0 + 10 * SECOND })).pending;

/**
 * Lets real work (the database, setImmediate yields) run until `expected`
 * deliveries are processed (10 s at most), then 300 ms more: what it returns
 * is how far processing went without the fake clock moving.
 */
async function settle(store: Store, expected: number): Promise<number> {
  const start = performance.now();
  let reachedAt: number | null = null;
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    const now = performance.now();
    if (reachedAt === null && (await processed(store)) >= expected) reachedAt = now;
    if ((reachedAt !== null && now - reachedAt > 300) || now - start > 10 * SECOND) return processed(store);
  }
}

let worker: Worker | null = null;
afterEach(async () => {
  // its lanes finish their fake waits (a rest, the settle after a wake-up) as the clock moves
  if (worker) await Promise.all([worker.stop(), vi.advanceTimersByTimeAsync(5 * SECOND)]);
  worker = null;
  vi.useRealTimers();
});

describe('answers first', () => {
  it('rests after each full batch while deliveries keep arriving', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = await seededStore();
    let arrivals = 0;
    worker = startWorker({
      deps: deps(store),
      timing: { pollInterval: SECOND, redeliveryInterval: 0 },
      arrived: () => ++arrivals, // a new delivery every time it looks
    });
    expect(await settle(store, 50)).toBe(50);
    await vi.advanceTimersByTimeAsync(SECOND);
    expect(await settle(store, 100)).toBe(100);
    await vi.advanceTimersByTimeAsync(SECOND);
    // 20 claimed is under the backlog that calls for a rest
    expect(await settle(store, BACKLOG)).toBe(BACKLOG);
  });

  it('works through the backlog without resting when nothing new arrives', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = await seededStore();
    worker = startWorker({ deps: deps(store), timing: { pollInterval: SECOND, redeliveryInterval: 0 } });
    expect(await settle(store, BACKLOG)).toBe(BACKLOG);
  });
});
