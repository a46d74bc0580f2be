import { afterAll, describe, expect, it } from 'vitest';
import { type Fact, normalizeDelivery, type WebhookDelivery } from '../../src/events/index.ts';
import { applyMigrations, MIGRATIONS, type Store } from '../../src/store/index.ts';
import { DAY, MINUTE } from '../../src/time/index.ts';
import { webhookDelivery } from '../events/load-webhook.ts';
import { type Backend, postgresBackend, sqliteBackend } from './backends.ts';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const REPO = 'Codertocat/Hello-World';

function factsOf(delivery: WebhookDelivery): Fact[] {
  return normalizeDelivery(delivery).facts ?? [];
}

function release(id: string, tag: string): WebhookDelivery {
  return webhookDelivery('release.published', {
    id,
    at: '2026-03-01T10:00:00Z',
    overrides: { release: { tag_name: tag, published_at: '2026-03-01T10:00:00Z' }, installation: { id: 7 } },
  });
}

async function record(store: Store, delivery: WebhookDelivery, receivedAt = T0): Promise<boolean> {
  return store.recordDelivery({ delivery, receivedAt, installationId: 7 });
}

const backends: Backend[] = [sqliteBackend(), postgresBackend()];
afterAll(async () => {
  for (const backend of backends) await backend.stop();
});

describe('PostgreSQL storage', () => {
  it('compresses payloads with lz4 (Debian builds it in)', async () => {
    const { db } = await backends.find((b) => b.name === 'postgres')!.open();
    const [column] = await db.query<{ attcompression: string }>(
      "SELECT attcompression FROM pg_attribute WHERE attrelid = 'delivery_payloads'::regclass AND attname = 'payload'",
    );
    expect(column?.attcompression).toBe('l');
  });
});

describe.each(backends)('store on $name', (backend) => {
  it('applies the migrations once; a second start applies nothing', async () => {
    const { db } = await backend.open();
    expect(await applyMigrations({ db, now: T0 })).toEqual([]);
    const rows = await db.query<{ version: number | string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('stores a delivery once by id, with its repo, org and raw payload', async () => {
    const { store } = await backend.open();
    const delivery = release('d-1', 'v1.0.0');
    expect(await record(store, delivery)).toBe(true);
    const again = { ...delivery, payload: { changed: true } };
    expect(await record(store, again, T0 + 5)).toBe(false);
    const stored = await store.readDelivery({ id: 'd-1' });
    expect(stored).toMatchObject({
      delivery,
      receivedAt: T0,
      installationId: 7,
      repo: REPO,
      org: 'Codertocat',
      status: 'pending',
      attempts: 0,
      processCount: 0,
    });
  });

  it('stores deliveries arriving together in one write: the first of a repeated id is kept, the rest refused', async () => {
    const { store } = await backend.open();
    const first = release('g-1', 'v1.0.0');
    const results = await Promise.all([
      record(store, first),
      record(store, release('g-2', 'v2.0.0')),
      record(store, { ...first, payload: { repeated: true } }, T0 + 1),
      record(store, release('g-3', 'v3.0.0')),
    ]);
    expect(results).toEqual([true, true, false, true]);
    expect((await store.readDelivery({ id: 'g-1' }))?.delivery).toEqual(first);
    expect([...(await store.storedDeliveryIds({ ids: ['g-1', 'g-2', 'g-3', 'g-4'] }))].sort()).toEqual([
      'g-1',
      'g-2',
      'g-3',
    ]);
  });

  it('stores the good deliveries of a write in which one cannot be stored', async () => {
    const { store } = await backend.open();
    const received = (id: string, payloadText: string) =>
      store.recordDelivery({
        received: { id, name: 'ping', at: '2026-03-01T00:00:00.000Z', payloadText },
        receivedAt: T0,
      });
    // PostgreSQL refuses a NUL character in text (GitHub never sends one: JSON escapes it)
    const [before, bad, after] = await Promise.allSettled([
      received('n-1', '{"zen":"a"}'),
      received('n-2', '{"zen":"\u0000"}'),
      received('n-3', '{"zen":"c"}'),
    ]);
    expect(before).toEqual({ status: 'fulfilled', value: true });
    expect(after).toEqual({ status: 'fulfilled', value: true });
    expect(bad?.status).toBe(backend.name === 'postgres' ? 'rejected' : 'fulfilled');
    expect([...(await store.storedDeliveryIds({ ids: ['n-1', 'n-3'] }))].sort()).toEqual(['n-1', 'n-3']);
  });

  it('claims, then commits facts once; a second commit of the same delivery is refused', async () => {
    const { store } = await backend.open();
    const delivery = release('d-1', 'v1.0.0');
    await record(store, delivery);
    const claimed = await store.claimDeliveries({ worker: 'w1', now: T0, lease: MINUTE, limit: 10 });
    expect(claimed.map((c) => c.delivery.id)).toEqual(['d-1']);
    expect(claimed[0]?.attempts).toBe(1);
    expect(await store.claimDeliveries({ worker: 'w2', now: T0, lease: MINUTE, limit: 10 })).toEqual([]);
    const facts = factsOf(delivery);
    expect(await store.completeDelivery({ id: 'd-1', worker: 'w1', facts, now: T0 + 1 })).toBe(true);
    expect(await store.completeDelivery({ id: 'd-1', worker: 'w1', facts, now: T0 + 2 })).toBe(false);
    expect(await store.readDelivery({ id: 'd-1' })).toMatchObject({
      status: 'processed',
      processCount: 1,
      processedAt: T0 + 1,
    });
    expect(sortFacts(await store.readFacts({ repo: REPO }))).toEqual(sortFacts(facts));
    expect(sortFacts(await store.readFacts({ org: 'Codertocat' }))).toEqual(sortFacts(facts));
    expect(await store.readFacts({ org: 'someone-else' })).toEqual([]);
    expect(await store.claimDeliveries({ worker: 'w1', now: T0 + DAY, lease: MINUTE, limit: 10 })).toEqual([]);
  });

  it('a worker whose lease ran out cannot commit: the next claimant does, once', async () => {
    const { store } = await backend.open();
    await record(store, release('d-1', 'v1.0.0'));
    await store.claimDeliveries({ worker: 'slow', now: T0, lease: MINUTE, limit: 1 });
    const taken = await store.claimDeliveries({ worker: 'fast', now: T0 + MINUTE, lease: MINUTE, limit: 1 });
    expect(taken.map((t) => t.attempts)).toEqual([2]);
    expect(await store.completeDelivery({ id: 'd-1', worker: 'slow', facts: [], now: T0 + MINUTE })).toBe(false);
    expect(await store.completeDelivery({ id: 'd-1', worker: 'fast', facts: [], now: T0 + MINUTE })).toBe(true);
    expect((await store.readDelivery({ id: 'd-1' }))?.processCount).toBe(1);
  });

  it('a failure keeps its error and is retried only when due', async () => {
    const { store } = await backend.open();
    await record(store, release('d-1', 'v1.0.0'));
    await store.claimDeliveries({ worker: 'w', now: T0, lease: MINUTE, limit: 1 });
    await store.failDelivery({ id: 'd-1', worker: 'w', error: 'boom: API 502', now: T0, retryAt: T0 + 30_000 });
    expect(await store.readDelivery({ id: 'd-1' })).toMatchObject({ status: 'failed', lastError: 'boom: API 502' });
    expect((await store.listDeliveries({ status: 'failed', limit: 10 })).map((d) => d.delivery.id)).toEqual(['d-1']);
    expect(await store.claimDeliveries({ worker: 'w', now: T0 + 29_999, lease: MINUTE, limit: 1 })).toEqual([]);
    const retried = await store.claimDeliveries({ worker: 'w', now: T0 + 30_000, lease: MINUTE, limit: 1 });
    expect(retried.map((d) => [d.delivery.id, d.attempts, d.lastError])).toEqual([['d-1', 2, 'boom: API 502']]);
    expect(await store.completeDelivery({ id: 'd-1', worker: 'w', facts: [], now: T0 + 30_001 })).toBe(true);
    expect(await store.readDelivery({ id: 'd-1' })).toMatchObject({ status: 'processed', lastError: null });
  });

  it('two replicas claiming at once never get the same delivery', async () => {
    const { store, replica } = await backend.open();
    const other = await replica();
    const ids = Array.from({ length: 60 }, (_, i) => `d-${String(i).padStart(3, '0')}`);
    for (const [i, id] of ids.entries()) await record(store, release(id, `v${i}`), T0 + i);
    const seen: string[] = [];
    const drain = async (s: Store, worker: string) => {
      for (;;) {
        const batch = await s.claimDeliveries({ worker, now: T0 + DAY, lease: MINUTE, limit: 3 });
        if (batch.length === 0) return;
        for (const d of batch) {
          seen.push(d.delivery.id);
          expect(await s.completeDelivery({ id: d.delivery.id, worker, facts: [], now: T0 + DAY })).toBe(true);
        }
      }
    };
    await Promise.all([drain(store, 'a'), drain(other, 'b'), drain(store, 'c'), drain(other, 'd')]);
    expect([...seen].sort()).toEqual(ids);
    const counts = await Promise.all(ids.map(async (id) => (await store.readDelivery({ id }))?.processCount));
    expect(counts.every((n) => n === 1)).toBe(true);
  });

  it('lists deliveries by org in receive order, page by page', async () => {
    const { store } = await backend.open();
    await record(store, release('b', 'v2'), T0 + 2);
    await record(store, release('a', 'v1'), T0 + 2);
    await record(store, release('c', 'v3'), T0 + 1);
    const other = webhookDelivery('release.published', {
      id: 'x',
      overrides: { repository: { full_name: 'octo-org/other', owner: { login: 'octo-org' } } },
    });
    await record(store, other, T0);
    const first = await store.listDeliveries({ org: 'Codertocat', limit: 2 });
    expect(first.map((d) => d.delivery.id)).toEqual(['c', 'a']);
    const last = first.at(-1)!;
    const next = await store.listDeliveries({
      org: 'Codertocat',
      limit: 2,
      after: { receivedAt: last.receivedAt, id: last.delivery.id },
    });
    expect(next.map((d) => d.delivery.id)).toEqual(['b']);
    expect((await store.listDeliveries({ org: 'octo-org', limit: 9 })).map((d) => d.delivery.id)).toEqual(['x']);
    expect([...(await store.storedDeliveryIds({ ids: ['a', 'zz', 'x'] }))].sort()).toEqual(['a', 'x']);
  });

  it('stores a fact once per natural key and origin: writing it again changes nothing', async () => {
    const { store } = await backend.open();
    const facts = [...factsOf(release('d-1', 'v1')), ...factsOf(release('d-2', 'v1'))];
    await store.upsertFacts({ facts, now: T0 });
    await store.upsertFacts({ facts: [...facts].reverse(), now: T0 + 1 });
    expect(sortFacts(await store.readFacts({ repo: REPO }))).toEqual(sortFacts(facts));
    // the same fact twice in one write (one statement on PostgreSQL): stored once, no error
    await store.upsertFacts({ facts: [...facts, ...facts], now: T0 + 2 });
    expect(sortFacts(await store.readFacts({ repo: REPO }))).toEqual(sortFacts(facts));
  });

  it('stores text exactly, whatever it holds: quotes, backslashes, braces, commas, NULL, non-ASCII', async () => {
    const { store, db } = await backend.open();
    // what an array literal would have to escape (pg binds a batch's values one parameter each)
    const tricky = 'say "hi" \\ {a,b} NULL, \\"} 🚀 ünïcödé \\N';
    const ids = ['p-1', 'p-2', 'p-3'];
    const texts = ids.map((id) => JSON.stringify({ id, title: `${tricky} ${id}` }, null, 1));
    await Promise.all(
      ids.map((id, i) =>
        store.recordDelivery({ received: { id, name: 'ping', at: 'x', payloadText: texts[i]! }, receivedAt: T0 + i }),
      ),
    );
    for (const [i, id] of ids.entries()) {
      const [row] = await db.query<{ payload: string }>('SELECT payload FROM delivery_payloads WHERE id = $1', [id]);
      expect(row?.payload).toBe(texts[i]);
    }
    const facts = factsOf(release('d-1', `v1 ${tricky}`));
    await store.upsertFacts({ facts, now: T0 });
    expect(sortFacts(await store.readFacts({ repo: REPO }))).toEqual(sortFacts(facts));
  });

  it('writes more facts at once than one PostgreSQL statement holds (2,000)', async () => {
    const { store } = await backend.open();
    const facts = Array.from({ length: 2_003 }, (_, i) => factsOf(release(`d-${i}`, `v${i}`))).flat();
    await store.upsertFacts({ facts, now: T0 });
    const stored = await store.readFacts({ repo: REPO });
    expect(stored).toHaveLength(facts.length);
    expect(sortFacts(stored)).toEqual(sortFacts(facts));
  });

  it('marks repos dirty; a mark made during a re-evaluation survives its release', async () => {
    const { store } = await backend.open();
    await store.upsertRepo({ repo: REPO, installationId: 7, now: T0 });
    expect(await store.readRepo({ repo: REPO })).toMatchObject({
      org: 'Codertocat',
      installationId: 7,
      dirtyAt: null,
      knownSince: T0,
    });
    await store.markReposDirty({ repos: [REPO], now: T0 + 1 });
    const [claimed] = await store.claimDirtyRepos({ worker: 'w', now: T0 + 2, lease: MINUTE, limit: 5 });
    expect(claimed).toMatchObject({ repo: REPO, dirtyAt: T0 + 1 });
    expect(await store.claimDirtyRepos({ worker: 'v', now: T0 + 2, lease: MINUTE, limit: 5 })).toEqual([]);
    await store.markReposDirty({ repos: [REPO], now: T0 + 3 });
    await store.releaseRepo({ repo: REPO, worker: 'w', dirtyVersion: claimed!.dirtyVersion });
    const again = await store.claimDirtyRepos({ worker: 'w', now: T0 + 4, lease: MINUTE, limit: 5 });
    expect(again.map((r) => r.repo)).toEqual([REPO]);
    await store.releaseRepo({ repo: REPO, worker: 'w', dirtyVersion: again[0]!.dirtyVersion });
    expect((await store.readRepo({ repo: REPO }))?.dirtyAt).toBeNull();
    expect((await store.listRepos({ org: 'Codertocat' })).map((r) => r.repo)).toEqual([REPO]);
  });

  it('keeps configs per repo and org', async () => {
    const { store } = await backend.open();
    await store.saveConfig({ scope: 'Codertocat', value: { minCoverage: 70 }, error: null, readAt: T0 });
    await store.saveConfig({
      scope: REPO,
      value: null,
      error: 'shipwell.yml: minCoverage: expected a number',
      readAt: T0,
    });
    expect(await store.readConfig({ scope: 'Codertocat' })).toEqual({
      scope: 'Codertocat',
      value: { minCoverage: 70 },
      error: null,
      readAt: T0,
    });
    expect((await store.readConfig({ scope: REPO }))?.error).toMatch(/minCoverage/);
    expect(await store.readConfig({ scope: 'nobody' })).toBeNull();
  });

  it('fires each timer once, when due, and marks its repo for re-evaluation', async () => {
    const { store, replica } = await backend.open();
    const other = await replica();
    await store.upsertRepo({ repo: REPO, installationId: 7, now: T0 });
    await store.setTimer({ repo: REPO, tag: 'v1', dueAt: T0 + DAY });
    await store.setTimer({ repo: REPO, tag: 'v1', dueAt: T0 + 2 * DAY });
    expect(await store.fireTimers({ now: T0 + DAY })).toEqual([]);
    const fired = await Promise.all([store.fireTimers({ now: T0 + 2 * DAY }), other.fireTimers({ now: T0 + 2 * DAY })]);
    expect(fired.flat()).toEqual([{ repo: REPO, tag: 'v1' }]);
    expect((await store.readRepo({ repo: REPO }))?.dirtyAt).toBe(T0 + 2 * DAY);
    expect((await store.health({ now: T0 + 2 * DAY })).timers).toBe(0);
  });

  it('publishes a verdict once: the same hash is not claimed twice, a failed publication may be retried', async () => {
    const { store, replica } = await backend.open();
    const other = await replica();
    const claim = (s: Store, hash: string, now = T0) =>
      s.claimPublication({ repo: REPO, tag: 'v1', hash, status: 'pending', now, lease: MINUTE });
    const both = await Promise.all([claim(store, 'h1'), claim(other, 'h1')]);
    expect(both.filter((g) => g !== null)).toEqual([1]);
    await store.finishPublication({ repo: REPO, tag: 'v1', generation: 1, ok: true });
    expect(await claim(store, 'h1', T0 + DAY)).toBeNull();
    expect(await claim(store, 'h2')).toBe(2);
    await store.finishPublication({ repo: REPO, tag: 'v1', generation: 2, ok: false });
    expect(await store.latestPublication({ repo: REPO, tag: 'v1' })).toEqual({
      hash: 'h1',
      status: 'pending',
      state: 'published',
    });
    expect(await claim(store, 'h2')).toBe(2);
    // a claim abandoned by a crash is taken over once its lease ran out
    expect(await claim(other, 'h2', T0 + 1)).toBeNull();
    expect(await claim(other, 'h2', T0 + MINUTE)).toBe(2);
    // h1 again after h2: a real change back, published again
    await store.finishPublication({ repo: REPO, tag: 'v1', generation: 2, ok: true });
    expect(await claim(store, 'h1')).toBe(3);
  });

  it('backfills: queued once per repo, resumable, done stays done', async () => {
    const { store } = await backend.open();
    await store.enqueueBackfill({ repo: REPO, installationId: 7, now: T0 });
    await store.enqueueBackfill({ repo: REPO, installationId: 7, now: T0 });
    const [job] = await store.claimBackfills({ worker: 'w', now: T0, lease: MINUTE, limit: 5 });
    expect(job).toMatchObject({ repo: REPO, org: 'Codertocat', installationId: 7, status: 'pending', attempts: 1 });
    await store.failBackfill({ repo: REPO, worker: 'w', error: 'rate limited', now: T0, retryAt: T0 + MINUTE });
    expect(await store.claimBackfills({ worker: 'w', now: T0 + 1, lease: MINUTE, limit: 5 })).toEqual([]);
    // a restart: a new worker resumes the job when it is due
    const [resumed] = await store.claimBackfills({ worker: 'w2', now: T0 + MINUTE, lease: MINUTE, limit: 5 });
    expect(resumed).toMatchObject({ attempts: 2, lastError: 'rate limited' });
    const facts = factsOf(release('api:release:v1', 'v1'));
    expect(await store.completeBackfill({ repo: REPO, worker: 'w', facts, now: T0 + MINUTE })).toBe(false);
    expect(await store.completeBackfill({ repo: REPO, worker: 'w2', facts, now: T0 + MINUTE })).toBe(true);
    expect(sortFacts(await store.readFacts({ repo: REPO }))).toEqual(sortFacts(facts));
    expect((await store.readRepo({ repo: REPO }))?.dirtyAt).toBe(T0 + MINUTE);
    await store.enqueueBackfill({ repo: REPO, installationId: 7, now: T0 + DAY });
    expect(await store.readBackfill({ repo: REPO })).toMatchObject({ status: 'done' });
    expect(await store.claimBackfills({ worker: 'w', now: T0 + DAY, lease: MINUTE, limit: 5 })).toEqual([]);
  });

  it("counts an installation's backfill jobs: all, done and failed", async () => {
    const { store } = await backend.open();
    expect(await store.countBackfills({ installationId: 7 })).toEqual({ total: 0, done: 0, failed: 0 });
    for (const repo of ['acme/a', 'acme/b', 'acme/c'])
      await store.enqueueBackfill({ repo, installationId: 7, now: T0 });
    await store.enqueueBackfill({ repo: 'other/x', installationId: 8, now: T0 });
    const [a, b] = await store.claimBackfills({ worker: 'w', now: T0, lease: MINUTE, limit: 2 });
    await store.completeBackfill({ repo: a!.repo, worker: 'w', facts: [], now: T0 });
    await store.failBackfill({ repo: b!.repo, worker: 'w', error: 'boom', now: T0, retryAt: T0 + MINUTE });
    expect(await store.countBackfills({ installationId: 7 })).toEqual({ total: 3, done: 1, failed: 1 });
    expect(await store.countBackfills({ installationId: 8 })).toEqual({ total: 1, done: 0, failed: 0 });
  });

  it('asks for each redelivery once a day at most and hands a lease to one holder at a time', async () => {
    const { store } = await backend.open();
    const ask = (hookDeliveryId: number, now: number) =>
      store.recordRedelivery({ deliveryId: 'g-1', hookDeliveryId, now, askAgainAfter: DAY });
    expect(await ask(11, T0)).toBe(true);
    expect(await ask(12, T0 + DAY - 1)).toBe(false);
    expect(await ask(13, T0 + DAY)).toBe(true);
    expect(await store.takeLease({ name: 'redeliver', holder: 'a', now: T0, ttl: MINUTE })).toBe(true);
    expect(await store.takeLease({ name: 'redeliver', holder: 'b', now: T0 + 1, ttl: MINUTE })).toBe(false);
    expect(await store.takeLease({ name: 'redeliver', holder: 'a', now: T0 + 2, ttl: MINUTE })).toBe(true);
    expect(await store.takeLease({ name: 'redeliver', holder: 'b', now: T0 + 2 + MINUTE, ttl: MINUTE })).toBe(true);
  });

  it('drops claims left by a crashed run (single-process start)', async () => {
    const { store } = await backend.open();
    await record(store, release('a', 'v1'));
    await store.claimDeliveries({ worker: 'dead', now: T0, lease: DAY, limit: 1 });
    await store.markReposDirty({ repos: [REPO], now: T0 });
    await store.claimDirtyRepos({ worker: 'dead', now: T0, lease: DAY, limit: 1 });
    await store.enqueueBackfill({ repo: REPO, installationId: 7, now: T0 });
    await store.claimBackfills({ worker: 'dead', now: T0, lease: DAY, limit: 1 });
    await store.claimPublication({ repo: REPO, tag: 'v1', hash: 'h', status: 'pending', now: T0, lease: DAY });
    await store.releaseClaims();
    const now = T0 + 1;
    expect(await store.claimDeliveries({ worker: 'w', now, lease: MINUTE, limit: 5 })).toHaveLength(1);
    expect(await store.claimDirtyRepos({ worker: 'w', now, lease: MINUTE, limit: 5 })).toHaveLength(1);
    expect(await store.claimBackfills({ worker: 'w', now, lease: MINUTE, limit: 5 })).toHaveLength(1);
    expect(await store.claimPublication({ repo: REPO, tag: 'v1', hash: 'h', status: 'pending', now, lease: DAY })).toBe(
      1,
    );
  });

  it('reports queue health', async () => {
    const { store } = await backend.open();
    await record(store, release('a', 'v1'), T0);
    await record(store, release('b', 'v2'), T0 + 5);
    await record(store, release('c', 'v3'), T0 + 9);
    await store.claimDeliveries({ worker: 'w', now: T0 + 10, lease: MINUTE, limit: 2 });
    await store.completeDelivery({ id: 'a', worker: 'w', facts: [], now: T0 + 10 });
    await store.failDelivery({ id: 'b', worker: 'w', error: 'x', now: T0 + 10, retryAt: T0 + 20 });
    expect(await store.health({ now: T0 + 10 })).toEqual({
      pending: 1,
      failed: 1,
      oldestPendingAt: T0 + 5,
      lastProcessedAt: T0 + 10,
      dirtyRepos: 0,
      backfillsPending: 0,
      timers: 0,
    });
  });

  it('knows when the newest delivery was processed (null before any), whatever order they finish in', async () => {
    const { store } = await backend.open();
    expect((await store.health({ now: T0 })).lastProcessedAt).toBeNull();
    await record(store, release('a', 'v1'), T0);
    await record(store, release('b', 'v2'), T0 + 1);
    await store.claimDeliveries({ worker: 'w', now: T0 + 2, lease: MINUTE, limit: 2 });
    expect((await store.health({ now: T0 + 2 })).lastProcessedAt).toBeNull();
    await store.completeDelivery({ id: 'b', worker: 'w', facts: [], now: T0 + 30 });
    await store.completeDelivery({ id: 'a', worker: 'w', facts: [], now: T0 + 20 });
    expect((await store.health({ now: T0 + 40 })).lastProcessedAt).toBe(T0 + 30);
  });

  it('lists the orgs of known repos once each, sorted: installed ones and those facts named', async () => {
    const { store } = await backend.open();
    expect(await store.listOrgs()).toEqual([]);
    await store.upsertRepo({ repo: 'octo-org/b', installationId: 7, now: T0 });
    await store.upsertRepo({ repo: 'octo-org/a', installationId: 7, now: T0 });
    await store.upsertRepo({ repo: 'Zeta/z', installationId: null, now: T0 });
    await record(store, release('d-1', 'v1.0.0'));
    await store.claimDeliveries({ worker: 'w', now: T0, lease: MINUTE, limit: 1 });
    await store.completeDelivery({ id: 'd-1', worker: 'w', facts: factsOf(release('d-1', 'v1.0.0')), now: T0 + 1 });
    expect(await store.listOrgs()).toEqual(['Codertocat', 'Zeta', 'octo-org']);
  });
});

function sortFacts(facts: Fact[]): Fact[] {
  const key = (f: Fact) => JSON.stringify(f);
  return [...facts].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
