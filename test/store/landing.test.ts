// The inbox file of a SQLite store (docs/architecture.md, "The inbox file"):
// the door appends deliveries to a file of its own, so it never waits for the
// database file's write lock; the worker admits them into the queue, and
// admitting twice (a crash between moving and deleting) changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../app/open-store.ts';
import { landingPathOf, type ReceivedDelivery, type Store } from '../../src/store/index.ts';

let dir: string;
let path: string;
const stores: Store[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shipwell-landing-'));
  path = join(dir, 'shipwell.db');
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function open(landing = true): Promise<Store> {
  const store = await openStore({
    database: { kind: 'sqlite', path, synchronous: 'normal' },
    now: 0,
    checkpoints: 'manual',
    landing,
  });
  stores.push(store);
  return store;
}

function delivery(n: number, payload = `{"action":"completed","n":${n}}`): ReceivedDelivery {
  const receivedAt = 1_000 + n;
  return {
    id: `id-${n}`,
    name: 'workflow_run',
    at: new Date(receivedAt).toISOString(),
    payloadText: payload,
    receivedAt,
  };
}

/** Rows of the database file's queue, and of the inbox file. */
function rows(): { queued: { id: string; status: string }[]; landed: { id: string }[] } {
  const main = new DatabaseSync(path, { readOnly: true });
  const inbox = new DatabaseSync(landingPathOf(path), { readOnly: true });
  try {
    return {
      queued: main.prepare('SELECT id, status FROM deliveries ORDER BY received_at, id').all() as never,
      landed: inbox.prepare('SELECT id FROM landed ORDER BY seq').all() as never,
    };
  } finally {
    main.close();
    inbox.close();
  }
}

describe('the inbox file', () => {
  it('lies beside the database file, named so that *.db ignores cover it', () => {
    expect(landingPathOf('/data/shipwell.db')).toBe('/data/shipwell-inbox.db');
    expect(landingPathOf('/data/shipwell.sqlite')).toBe('/data/shipwell.sqlite-inbox.db');
  });

  it('holds what the door stored until it is admitted, oldest first, and counts it pending', async () => {
    const store = await open();
    expect(await Promise.all([1, 2, 3].map((n) => store.inbox.record(delivery(n))))).toEqual([true, true, true]);
    expect(rows()).toEqual({ queued: [], landed: [{ id: 'id-1' }, { id: 'id-2' }, { id: 'id-3' }] });
    const health = await store.health();
    expect(health.pending).toBe(3);
    expect(health.oldestPendingAt).toBe(1_001);

    // stored for the redelivery scan, which must not ask GitHub for them again
    expect(await store.redeliveries.storedIds({ ids: ['id-1', 'id-3', 'id-9'] })).toEqual(new Set(['id-1', 'id-3']));

    expect(await store.admit({ limit: 2 })).toBe(2);
    expect(await store.redeliveries.storedIds({ ids: ['id-1', 'id-3', 'id-9'] })).toEqual(new Set(['id-1', 'id-3']));
    expect(rows()).toEqual({
      queued: [
        { id: 'id-1', status: 'pending' },
        { id: 'id-2', status: 'pending' },
      ],
      landed: [{ id: 'id-3' }],
    });
    expect(await store.admit({ limit: 200 })).toBe(1);
    expect(await store.admit({ limit: 200 })).toBe(0);
    expect(rows().queued.map((row) => row.id)).toEqual(['id-1', 'id-2', 'id-3']);
    expect((await store.health()).pending).toBe(3);
    const claimed = await store.deliveries.claim({ worker: 'w', now: 5_000, lease: 60_000, limit: 10 });
    expect(claimed.map((item) => [item.delivery.id, item.delivery.payload])).toEqual([
      ['id-1', { action: 'completed', n: 1 }],
      ['id-2', { action: 'completed', n: 2 }],
      ['id-3', { action: 'completed', n: 3 }],
    ]);
  });

  it('admits a delivery once however often it lands (a crash between moving and deleting, a redelivery, a replay)', async () => {
    const store = await open();
    await store.inbox.record(delivery(1));
    await store.admit({ limit: 200 });
    const [claimed] = await store.deliveries.claim({ worker: 'w', now: 5_000, lease: 60_000, limit: 10 });
    await store.transaction((tx) =>
      tx.deliveries.complete({
        worker: 'w',
        now: 5_000,
        deliveries: [{ id: claimed!.delivery.id, location: { org: null, repo: null, installationId: null } }],
      }),
    );
    // the same row again (as if the delete had not happened), the same id redelivered, and its payload under a new id
    await store.inbox.record(delivery(1));
    await store.inbox.record(delivery(1));
    await store.inbox.record({ ...delivery(1), id: 'replayed' });
    expect(await store.admit({ limit: 200 })).toBe(3);
    expect(rows()).toEqual({ queued: [{ id: 'id-1', status: 'processed' }], landed: [] });
    expect((await store.health()).pending).toBe(0);
  });

  it("stores a delivery while another connection holds the database file's write lock", async () => {
    const store = await open();
    const holder = new DatabaseSync(path);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      expect(await store.inbox.record(delivery(1))).toBe(true);
      // the lock is still held: waiting for it would have taken until it was released (or failed)
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(holder.isTransaction).toBe(true);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(await store.admit({ limit: 200 })).toBe(1);
    expect(rows().queued.map((row) => row.id)).toEqual(['id-1']);
  });

  it('keeps what it holds across a restart: the next run admits it', async () => {
    const first = await open();
    await first.inbox.record(delivery(1));
    await first.close();
    stores.splice(stores.indexOf(first), 1);
    const second = await open();
    expect((await second.health()).pending).toBe(1);
    expect(await second.admit({ limit: 200 })).toBe(1);
    expect(rows().queued.map((row) => row.id)).toEqual(['id-1']);
  });

  it('is not used without `landing`: the door then writes the queue directly', async () => {
    const store = await open(false);
    await store.inbox.record(delivery(1));
    expect(await store.admit({ limit: 200 })).toBe(0);
    const main = new DatabaseSync(path, { readOnly: true });
    try {
      expect(main.prepare('SELECT id FROM deliveries').all()).toEqual([{ id: 'id-1' }]);
    } finally {
      main.close();
    }
  });
});
