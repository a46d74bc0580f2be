import { afterAll, describe, expect, it } from 'vitest';
import { type Fact, normalizeDelivery, type WebhookDelivery } from '../../src/events/index.ts';
import { applyMigrations, MIGRATIONS, type Store } from '../../src/store/index.ts';
import { DAY, HOUR, MINUTE } from '../../src/time/index.ts';
import { webhookDelivery } from '../events/load-webhook.ts';
import { type Backend, postgresBackend, sqliteBackend } from './backends.ts';
import { keptFacts } from './kept-facts.ts';

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
  return store.inbox.record({
    id: delivery.id,
    name: delivery.name,
    at: delivery.at ?? new Date(receivedAt).toISOString(),
    payloadText: JSON.stringify(delivery.payload),
    receivedAt,
  });
}

/** What the processing job commits for one delivery: its processed mark and its facts, together. */
async function complete(
  store: Store,
  { id, worker, facts, now }: { id: string; worker: string; facts: Fact[]; now: number },
) {
  return store.transaction(async (tx) => {
    const marked = await tx.deliveries.complete({ worker, now, deliveries: [{ id, location: locationOf(facts) }] });
    if (marked.has(id)) await tx.facts.write({ facts });
    return marked.has(id);
  });
}

function locationOf(facts: Fact[]) {
  const repo = facts[0]?.repo ?? null;
  return { repo, org: repo?.split('/')[0] ?? null, installationId: 7 };
}

async function recordOf(store: Store, id: string) {
  return (await store.log.list({ limit: 1000 })).find((d) => d.id === id);
}

const claim = (store: Store, worker: string, now: number, limit = 10, lease = MINUTE) =>
  store.deliveries.claim({ worker, now, lease, limit });

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

  it('asks for every repository to be evaluated again when the engine format changes (migration 8)', async () => {
    const { db, store } = await backend.open();
    await store.evaluations.request({ repos: [REPO], now: T0 });
    const [claimed] = await store.evaluations.claim({ worker: 'w', now: T0, lease: MINUTE, limit: 5 });
    await store.evaluations.release({ repo: REPO, worker: 'w', version: claimed!.version });
    expect(await store.evaluations.claim({ worker: 'w', now: T0 + DAY, lease: MINUTE, limit: 5 })).toEqual([]);
    // an App whose schema stopped at 7 restarts on this version
    await db.query('DELETE FROM schema_migrations WHERE version = 8');
    expect(await applyMigrations({ db, now: T0 })).toEqual([8]);
    const again = await store.evaluations.claim({ worker: 'w', now: T0 + DAY, lease: MINUTE, limit: 5 });
    expect(again.map((r) => r.repo)).toEqual([REPO]);
  });

  it('exports, page by page, the facts no stored delivery says, each with its least and greatest origin', async () => {
    const { store } = await backend.open();
    const heard = release('heard-1', 'v1.0.0');
    expect(await record(store, heard)).toBe(true);
    const properties: WebhookDelivery = {
      id: 'props-1',
      name: 'custom_property_values',
      at: '2026-03-01T10:00:00Z',
      payload: {
        action: 'updated',
        repository: { full_name: REPO },
        new_property_values: [{ property_name: 'team', value: 'ios' }],
        installation: { id: 7 },
      },
    };
    expect(await record(store, properties)).toBe(true);
    const backfilled = (tag: string, origin: string) =>
      factsOf(release('x', tag)).map((f) => ({ ...f, origin }) as Fact);
    const heardFacts = factsOf(heard);
    const propertyFacts = factsOf(properties);
    expect(propertyFacts.map((f) => f.origin)).toContain('props-1:custom-properties');
    await store.facts.write({
      facts: [
        ...heardFacts,
        ...propertyFacts,
        ...backfilled('v0.9.0', 'api:release:1'),
        // the backfill read v1.0.0 too: that content is said by a delivery and by REST
        ...heardFacts.map((f) => ({ ...f, origin: 'api:release:2' })),
      ],
    });
    const pages: Fact[][] = [];
    let after: { repo: string; content: string } | null = null;
    for (;;) {
      const page = await store.facts.exportPage({ org: 'Codertocat', limit: 1, after });
      if (page.count === 0) break;
      pages.push(page.facts);
      after = page.last;
    }
    const exported = pages
      .flat()
      .map((f) => `${f.type} ${'tag' in f ? f.tag : ''} ${f.origin}`)
      .sort();
    // the repo-info that decides is the custom properties' (a stored delivery's): not exported
    const infos = (await store.facts.read({ org: 'Codertocat' })).filter((f) => f.type === 'repo-info');
    expect(infos.map((f) => f.origin)).toEqual(['props-1:custom-properties']);
    expect(exported).toEqual([
      'release v0.9.0 api:release:1',
      'release v1.0.0 api:release:2',
      'release v1.0.0 heard-1',
    ]);
    expect(pages.length).toBeGreaterThan(1);
  });

  it('stores a delivery once by id, as received, unlocated until processed', async () => {
    const { store } = await backend.open();
    const delivery = release('d-1', 'v1.0.0');
    expect(await record(store, delivery)).toBe(true);
    // the same id with a payload that is less by content (docs/kpis.md): refused, the stored one kept
    const again = { ...delivery, payload: { a: 'less than {"action":…}' } };
    expect(await record(store, again, T0 + 5)).toBe(false);
    expect(await recordOf(store, 'd-1')).toMatchObject({
      id: 'd-1',
      name: 'release',
      receivedAt: T0,
      location: { repo: null, org: null, installationId: null },
      status: 'pending',
      attempts: 0,
      processCount: 0,
    });
    const [claimed] = await claim(store, 'w', T0);
    expect(claimed?.delivery).toEqual(delivery);
  });

  it('stores deliveries arriving together in one write: a repeated id with a lesser payload is refused', async () => {
    const { store } = await backend.open();
    const first = release('g-1', 'v1.0.0');
    const results = await Promise.all([
      record(store, first),
      record(store, release('g-2', 'v2.0.0')),
      record(store, { ...first, payload: { a: 'less than {"action":…}' } }, T0 + 1),
      record(store, release('g-3', 'v3.0.0')),
    ]);
    expect(results).toEqual([true, true, false, true]);
    expect((await claim(store, 'w', T0)).find((d) => d.delivery.id === 'g-1')?.delivery).toEqual(first);
    expect([...(await store.redeliveries.storedIds({ ids: ['g-1', 'g-2', 'g-3', 'g-4'] }))].sort()).toEqual([
      'g-1',
      'g-2',
      'g-3',
    ]);
  });

  it('stores the good deliveries of a write in which one cannot be stored', async () => {
    const { store } = await backend.open();
    const received = (id: string, payloadText: string) =>
      store.inbox.record({ id, name: 'ping', at: '2026-03-01T00:00:00.000Z', payloadText, receivedAt: T0 });
    // PostgreSQL refuses a NUL character in text (GitHub never sends one: JSON escapes it)
    const [before, bad, after] = await Promise.allSettled([
      received('n-1', '{"zen":"a"}'),
      received('n-2', '{"zen":"\u0000"}'),
      received('n-3', '{"zen":"c"}'),
    ]);
    expect(before).toEqual({ status: 'fulfilled', value: true });
    expect(after).toEqual({ status: 'fulfilled', value: true });
    expect(bad?.status).toBe(backend.name === 'postgres' ? 'rejected' : 'fulfilled');
    expect([...(await store.redeliveries.storedIds({ ids: ['n-1', 'n-3'] }))].sort()).toEqual(['n-1', 'n-3']);
  });

  it('claims, then commits facts once; a second commit of the same delivery is refused', async () => {
    const { store } = await backend.open();
    const delivery = release('d-1', 'v1.0.0');
    await record(store, delivery);
    const claimed = await claim(store, 'w1', T0);
    expect(claimed.map((c) => c.delivery.id)).toEqual(['d-1']);
    expect(claimed[0]?.attempts).toBe(1);
    expect(await claim(store, 'w2', T0)).toEqual([]);
    const facts = factsOf(delivery);
    expect(await complete(store, { id: 'd-1', worker: 'w1', facts, now: T0 + 1 })).toBe(true);
    expect(await complete(store, { id: 'd-1', worker: 'w1', facts, now: T0 + 2 })).toBe(false);
    expect(await recordOf(store, 'd-1')).toMatchObject({
      status: 'processed',
      processCount: 1,
      processedAt: T0 + 1,
      location: { repo: REPO, org: 'Codertocat', installationId: 7 },
    });
    expect(sortFacts(await store.facts.read({ repo: REPO }))).toEqual(sortFacts(keptFacts(facts)));
    expect(sortFacts(await store.facts.read({ org: 'Codertocat' }))).toEqual(sortFacts(keptFacts(facts)));
    expect(await store.facts.read({ org: 'someone-else' })).toEqual([]);
    expect(await claim(store, 'w1', T0 + DAY)).toEqual([]);
  });

  it('a worker whose lease ran out cannot commit: the next claimant does, once', async () => {
    const { store } = await backend.open();
    await record(store, release('d-1', 'v1.0.0'));
    await claim(store, 'slow', T0, 1);
    const taken = await claim(store, 'fast', T0 + MINUTE, 1);
    expect(taken.map((t) => t.attempts)).toEqual([2]);
    expect(await complete(store, { id: 'd-1', worker: 'slow', facts: [], now: T0 + MINUTE })).toBe(false);
    expect(await complete(store, { id: 'd-1', worker: 'fast', facts: [], now: T0 + MINUTE })).toBe(true);
    expect((await recordOf(store, 'd-1'))?.processCount).toBe(1);
  });

  it('a failure keeps its error and where the delivery points, and is retried only when due', async () => {
    const { store } = await backend.open();
    await record(store, release('d-1', 'v1.0.0'));
    await claim(store, 'w', T0, 1);
    const location = { repo: REPO, org: 'Codertocat', installationId: 7 };
    await store.deliveries.fail({
      id: 'd-1',
      worker: 'w',
      error: 'boom: API 502',
      location,
      now: T0,
      retryAt: T0 + 30_000,
    });
    expect(await recordOf(store, 'd-1')).toMatchObject({ status: 'failed', lastError: 'boom: API 502', location });
    expect((await store.log.list({ status: 'failed', limit: 10 })).map((d) => d.id)).toEqual(['d-1']);
    expect((await store.log.list({ status: 'failed', org: 'Codertocat', limit: 10 })).map((d) => d.id)).toEqual([
      'd-1',
    ]);
    expect(await claim(store, 'w', T0 + 29_999, 1)).toEqual([]);
    const retried = await claim(store, 'w', T0 + 30_000, 1);
    expect(retried.map((d) => [d.delivery.id, d.attempts, d.lastError])).toEqual([['d-1', 2, 'boom: API 502']]);
    expect(await complete(store, { id: 'd-1', worker: 'w', facts: [], now: T0 + 30_001 })).toBe(true);
    expect(await recordOf(store, 'd-1')).toMatchObject({ status: 'processed', lastError: null });
  });

  it('marks a batch processed in one statement, each with its own location, only the ones still claimed', async () => {
    const { store } = await backend.open();
    for (const id of ['b-1', 'b-2', 'b-3']) await record(store, release(id, id));
    await claim(store, 'w', T0, 2);
    const marked = await store.deliveries.complete({
      worker: 'w',
      now: T0 + 1,
      deliveries: [
        { id: 'b-1', location: { repo: 'o/one', org: 'o', installationId: 1 } },
        { id: 'b-2', location: { repo: null, org: 'p', installationId: null } },
        { id: 'b-3', location: { repo: 'o/three', org: 'o', installationId: 3 } },
      ],
    });
    expect([...marked].sort()).toEqual(['b-1', 'b-2']);
    expect((await recordOf(store, 'b-1'))?.location).toEqual({ repo: 'o/one', org: 'o', installationId: 1 });
    expect((await recordOf(store, 'b-2'))?.location).toEqual({ repo: null, org: 'p', installationId: null });
    expect((await recordOf(store, 'b-3'))?.status).toBe('pending');
  });

  it('two replicas claiming at once never get the same delivery', async () => {
    const { store, replica } = await backend.open();
    const other = await replica();
    const ids = Array.from({ length: 60 }, (_, i) => `d-${String(i).padStart(3, '0')}`);
    for (const [i, id] of ids.entries()) await record(store, release(id, `v${i}`), T0 + i);
    const seen: string[] = [];
    const drain = async (s: Store, worker: string) => {
      for (;;) {
        const batch = await claim(s, worker, T0 + DAY, 3);
        if (batch.length === 0) return;
        for (const d of batch) {
          seen.push(d.delivery.id);
          expect(await complete(s, { id: d.delivery.id, worker, facts: [], now: T0 + DAY })).toBe(true);
        }
      }
    };
    await Promise.all([drain(store, 'a'), drain(other, 'b'), drain(store, 'c'), drain(other, 'd')]);
    expect([...seen].sort()).toEqual(ids);
    const records = await store.log.list({ limit: 100 });
    expect(records.every((r) => r.processCount === 1)).toBe(true);
  });

  it('lists deliveries by org in receive order, page by page, and exports their payload text as received', async () => {
    const { store } = await backend.open();
    for (const [id, tag, at] of [
      ['b', 'v2', T0 + 2],
      ['a', 'v1', T0 + 2],
      ['c', 'v3', T0 + 1],
    ] as const) {
      await record(store, release(id, tag), at);
    }
    const other = webhookDelivery('release.published', {
      id: 'x',
      overrides: { repository: { full_name: 'octo-org/other', owner: { login: 'octo-org' } } },
    });
    await record(store, other, T0);
    const batch = await claim(store, 'w', T0 + 3);
    await store.deliveries.complete({
      worker: 'w',
      now: T0 + 3,
      deliveries: batch.map((d) => ({ id: d.delivery.id, location: locationOf(factsOf(d.delivery)) })),
    });
    const first = await store.log.list({ org: 'Codertocat', limit: 2 });
    expect(first.map((d) => d.id)).toEqual(['c', 'a']);
    const last = first.at(-1)!;
    const next = await store.log.list({
      org: 'Codertocat',
      limit: 2,
      after: { receivedAt: last.receivedAt, id: last.id },
    });
    expect(next.map((d) => d.id)).toEqual(['b']);
    expect((await store.log.list({ org: 'octo-org', limit: 9 })).map((d) => d.id)).toEqual(['x']);
    const exported = await store.log.export({ org: 'octo-org', limit: 9 });
    expect(exported.map((e) => [e.record.id, e.payloadText])).toEqual([['x', JSON.stringify(other.payload)]]);
    expect([...(await store.redeliveries.storedIds({ ids: ['a', 'zz', 'x'] }))].sort()).toEqual(['a', 'x']);
  });

  it('stores a fact once per natural key and origin: writing it again changes nothing', async () => {
    const { store } = await backend.open();
    const facts = [...factsOf(release('d-1', 'v1')), ...factsOf(release('d-2', 'v1'))];
    await store.facts.write({ facts });
    await store.facts.write({ facts: [...facts].reverse() });
    expect(sortFacts(await store.facts.read({ repo: REPO }))).toEqual(sortFacts(keptFacts(facts)));
    // the same fact twice in one write (one statement on PostgreSQL): stored once, no error
    await store.facts.write({ facts: [...facts, ...facts] });
    expect(sortFacts(await store.facts.read({ repo: REPO }))).toEqual(sortFacts(keptFacts(facts)));
  });

  it('stores text exactly, whatever it holds: quotes, backslashes, braces, commas, NULL, non-ASCII', async () => {
    const { store, db } = await backend.open();
    // what an array literal would have to escape (pg binds a batch's values one parameter each)
    const tricky = 'say "hi" \\ {a,b} NULL, \\"} 🚀 ünïcödé \\N';
    const ids = ['p-1', 'p-2', 'p-3'];
    const texts = ids.map((id) => JSON.stringify({ id, title: `${tricky} ${id}` }, null, 1));
    await Promise.all(
      ids.map((id, i) => store.inbox.record({ id, name: 'ping', at: 'x', payloadText: texts[i]!, receivedAt: T0 + i })),
    );
    for (const [i, id] of ids.entries()) {
      const [row] = await db.query<{ payload: string }>('SELECT payload FROM delivery_payloads WHERE id = $1', [id]);
      expect(row?.payload).toBe(texts[i]);
    }
    const facts = factsOf(release('d-1', `v1 ${tricky}`));
    await store.facts.write({ facts });
    expect(sortFacts(await store.facts.read({ repo: REPO }))).toEqual(sortFacts(keptFacts(facts)));
  });

  it('writes more facts at once than one PostgreSQL statement holds (2,000)', async () => {
    const { store } = await backend.open();
    const facts = Array.from({ length: 2_003 }, (_, i) => factsOf(release(`d-${i}`, `v${i}`))).flat();
    await store.facts.write({ facts });
    const stored = await store.facts.read({ repo: REPO });
    expect(stored).toHaveLength(keptFacts(facts).length);
    expect(sortFacts(stored)).toEqual(sortFacts(keptFacts(facts)));
  });

  it('registers repositories and keeps what is known', async () => {
    const { store } = await backend.open();
    await store.repos.register({ repos: [{ repo: REPO, installationId: 7 }], now: T0 });
    await store.repos.register({ repos: [{ repo: REPO, installationId: null }], now: T0 + 1 });
    expect(await store.repos.read({ repo: REPO })).toEqual({
      repo: REPO,
      org: 'Codertocat',
      installationId: 7,
      knownSince: T0,
    });
    expect((await store.repos.list({ org: 'Codertocat' })).map((r) => r.repo)).toEqual([REPO]);
  });

  it('registers a batch in one call: each repository once, a named installation kept over a null', async () => {
    const { store } = await backend.open();
    const many = Array.from({ length: 1500 }, (_, n) => ({ repo: `octo-org/r${n}`, installationId: 9 }));
    await store.repos.register({
      repos: [...many, { repo: REPO, installationId: 7 }, { repo: REPO, installationId: null }, ...many],
      now: T0,
    });
    expect((await store.repos.read({ repo: REPO }))?.installationId).toBe(7);
    const listed = await store.repos.list({ org: 'octo-org' });
    expect(listed).toHaveLength(1500);
    expect(listed.every((r) => r.installationId === 9 && r.knownSince === T0)).toBe(true);
  });

  it('evaluation requests: claimed once, a request made during an evaluation survives its release', async () => {
    const { store } = await backend.open();
    await store.evaluations.request({ repos: [REPO, REPO], now: T0 + 1 });
    expect((await store.repos.read({ repo: REPO }))?.knownSince).toBe(T0 + 1);
    const [claimed] = await store.evaluations.claim({ worker: 'w', now: T0 + 2, lease: MINUTE, limit: 5 });
    expect(claimed?.repo).toBe(REPO);
    expect(await store.evaluations.claim({ worker: 'v', now: T0 + 2, lease: MINUTE, limit: 5 })).toEqual([]);
    await store.evaluations.request({ repos: [REPO], now: T0 + 3 });
    await store.evaluations.release({ repo: REPO, worker: 'w', version: claimed!.version, soonest: T0 + 10 });
    // asked again meanwhile: due again, but not before `soonest` while a delivery waits
    await record(store, release('waiting', 'v9.0.0'), T0 + 4);
    expect(await store.evaluations.claim({ worker: 'w', now: T0 + 9, lease: MINUTE, limit: 5 })).toEqual([]);
    const again = await store.evaluations.claim({ worker: 'w', now: T0 + 10, lease: MINUTE, limit: 5 });
    expect(again.map((r) => r.repo)).toEqual([REPO]);
    await store.evaluations.release({ repo: REPO, worker: 'w', version: again[0]!.version });
    expect(await store.evaluations.claim({ worker: 'w', now: T0 + DAY, lease: MINUTE, limit: 5 })).toEqual([]);
    expect((await store.health()).dirtyRepos).toBe(0);
  });

  it('evaluation requests: one asked for after its release rests until `soonest` while deliveries wait', async () => {
    const { store } = await backend.open();
    await store.evaluations.request({ repos: [REPO], now: T0 });
    const [claimed] = await store.evaluations.claim({ worker: 'w', now: T0, lease: MINUTE, limit: 5 });
    // nobody asked during the evaluation: done, resting until T0 + 10
    await store.evaluations.release({ repo: REPO, worker: 'w', version: claimed!.version, soonest: T0 + 10 });
    expect((await store.health()).dirtyRepos).toBe(0);
    await store.evaluations.request({ repos: [REPO], now: T0 + 1 });
    // a delivery waits to be processed: the rest holds
    await record(store, release('waiting', 'v9.0.0'), T0 + 2);
    expect(await store.evaluations.claim({ worker: 'v', now: T0 + 9, lease: MINUTE, limit: 5 })).toEqual([]);
    // processed: with nothing else to do, the rest no longer holds the repository
    const [delivery] = await store.deliveries.claim({ worker: 'p', now: T0 + 9, lease: MINUTE, limit: 5 });
    await complete(store, { id: delivery!.delivery.id, worker: 'p', facts: [], now: T0 + 9 });
    const again = await store.evaluations.claim({ worker: 'v', now: T0 + 9, lease: MINUTE, limit: 5 });
    expect(again.map((r) => r.repo)).toEqual([REPO]);
  });

  it('a failed evaluation waits for its retry time', async () => {
    const { store } = await backend.open();
    await store.evaluations.request({ repos: [REPO], now: T0 });
    const [claimed] = await store.evaluations.claim({ worker: 'w', now: T0, lease: MINUTE, limit: 5 });
    await store.evaluations.release({ repo: REPO, worker: 'w', version: claimed!.version, retryAt: T0 + MINUTE });
    expect(await store.evaluations.claim({ worker: 'w', now: T0 + 1, lease: MINUTE, limit: 5 })).toEqual([]);
    expect(await store.evaluations.claim({ worker: 'w', now: T0 + MINUTE, lease: MINUTE, limit: 5 })).toHaveLength(1);
  });

  it('keeps configs per repo and org, and forgets them when asked', async () => {
    const { store } = await backend.open();
    await store.configs.save({ scope: 'Codertocat', value: { minCoverage: 70 }, error: null, readAt: T0 });
    await store.configs.save({
      scope: REPO,
      value: null,
      error: 'shipwell.yml: minCoverage: expected a number',
      readAt: T0,
    });
    expect(await store.configs.read({ scope: 'Codertocat' })).toEqual({
      scope: 'Codertocat',
      value: { minCoverage: 70 },
      error: null,
      readAt: T0,
    });
    expect((await store.configs.read({ scope: REPO }))?.error).toMatch(/minCoverage/);
    expect(await store.configs.read({ scope: 'nobody' })).toBeNull();
    await store.configs.forget({ scopes: ['Codertocat', 'nobody'] });
    expect((await store.configs.read({ scope: 'Codertocat' }))?.readAt).toBe(0);
  });

  it('fires each timer once, when due', async () => {
    const { store, replica } = await backend.open();
    const other = await replica();
    await store.timers.set({ repo: REPO, tag: 'v1', dueAt: T0 + DAY });
    await store.timers.set({ repo: REPO, tag: 'v1', dueAt: T0 + 2 * DAY });
    expect(await store.timers.fire({ now: T0 + DAY })).toEqual([]);
    const fired = await Promise.all([
      store.transaction((tx) => tx.timers.fire({ now: T0 + 2 * DAY })),
      other.transaction((tx) => tx.timers.fire({ now: T0 + 2 * DAY })),
    ]);
    expect(fired.flat()).toEqual([{ repo: REPO, tag: 'v1' }]);
    expect((await store.health()).timers).toBe(0);
  });

  it('publishes each verdict once: a changed verdict waits, history never does, a failure waits for its retry', async () => {
    const { store, replica } = await backend.open();
    const other = await replica();
    const verdict = (tag: string, hash: string, publish = true) => ({
      tag,
      hash,
      status: 'pending',
      windowEnd: T0 + DAY,
      body: JSON.stringify({ tag, hash }),
      publish,
    });
    const save = (verdicts: ReturnType<typeof verdict>[], now = T0) =>
      store.verdicts.save({ repo: REPO, verdicts, now }).then((saved) => saved.waiting);
    expect(await save([verdict('v1', 'h1'), verdict('v0', 'h0', false)])).toEqual(['v1']);
    const both = await Promise.all([
      store.verdicts.claim({ worker: 'a', now: T0, lease: MINUTE, limit: 5 }),
      other.verdicts.claim({ worker: 'b', now: T0, lease: MINUTE, limit: 5 }),
    ]);
    expect(both.flat().map((p) => [p.tag, p.hash, p.attempts])).toEqual([['v1', 'h1', 1]]);
    const holder = both[0]!.length === 1 ? 'a' : 'b';
    // a new verdict saved while h1 is being published: h1 is marked published, h2 still waits
    expect(await save([verdict('v1', 'h2'), verdict('v0', 'h0', false)], T0 + 1)).toEqual(['v1']);
    await store.verdicts.published({ repo: REPO, tag: 'v1', hash: 'h1', worker: holder });
    const next = await store.verdicts.claim({ worker: 'a', now: T0 + 2, lease: MINUTE, limit: 5 });
    expect(next.map((p) => p.hash)).toEqual(['h2']);
    await store.verdicts.fail({ repo: REPO, tag: 'v1', worker: 'a', error: 'API 502', retryAt: T0 + MINUTE });
    expect(await store.verdicts.claim({ worker: 'a', now: T0 + 3, lease: MINUTE, limit: 5 })).toEqual([]);
    const retried = await store.verdicts.claim({ worker: 'a', now: T0 + MINUTE, lease: MINUTE, limit: 5 });
    expect(retried.map((p) => [p.hash, p.attempts])).toEqual([['h2', 2]]);
    await store.verdicts.published({ repo: REPO, tag: 'v1', hash: 'h2', worker: 'a' });
    // saving the same verdict again publishes nothing; a release gone from the report is dropped
    expect(await save([verdict('v1', 'h2')], T0 + DAY)).toEqual([]);
    expect(await store.verdicts.claim({ worker: 'a', now: T0 + DAY, lease: MINUTE, limit: 5 })).toEqual([]);
    // back to h1 after h2: a real change, published again
    expect(await save([verdict('v1', 'h1')], T0 + DAY)).toEqual(['v1']);
  });

  it('backfills: queued once per repo, resumable, done stays done', async () => {
    const { store } = await backend.open();
    await store.backfills.enqueue({ repo: REPO, installationId: 7, now: T0 });
    await store.backfills.enqueue({ repo: REPO, installationId: 7, now: T0 });
    const [job] = await store.backfills.claim({ worker: 'w', now: T0, lease: MINUTE, limit: 5 });
    expect(job).toMatchObject({ repo: REPO, org: 'Codertocat', installationId: 7, status: 'pending', attempts: 1 });
    await store.backfills.fail({ repo: REPO, worker: 'w', error: 'rate limited', now: T0, retryAt: T0 + MINUTE });
    expect(await store.backfills.claim({ worker: 'w', now: T0 + 1, lease: MINUTE, limit: 5 })).toEqual([]);
    // a restart: a new worker resumes the job when it is due
    const [resumed] = await store.backfills.claim({ worker: 'w2', now: T0 + MINUTE, lease: MINUTE, limit: 5 });
    expect(resumed).toMatchObject({ attempts: 2, lastError: 'rate limited' });
    expect(await store.backfills.complete({ repo: REPO, worker: 'w', now: T0 + MINUTE })).toBe(false);
    expect(await store.backfills.complete({ repo: REPO, worker: 'w2', now: T0 + MINUTE })).toBe(true);
    await store.backfills.enqueue({ repo: REPO, installationId: 7, now: T0 + DAY });
    expect(await store.backfills.read({ repo: REPO })).toMatchObject({ status: 'done' });
    expect(await store.backfills.claim({ worker: 'w', now: T0 + DAY, lease: MINUTE, limit: 5 })).toEqual([]);
  });

  it("counts an installation's backfill jobs: all, done and failed", async () => {
    const { store } = await backend.open();
    expect(await store.backfills.count({ installationId: 7 })).toMatchObject({ total: 0, done: 0, failed: 0 });
    for (const repo of ['acme/a', 'acme/b', 'acme/c'])
      await store.backfills.enqueue({ repo, installationId: 7, now: T0 });
    await store.backfills.enqueue({ repo: 'other/x', installationId: 8, now: T0 });
    const [a, b] = await store.backfills.claim({ worker: 'w', now: T0, lease: MINUTE, limit: 2 });
    await store.backfills.complete({ repo: a!.repo, worker: 'w', now: T0 });
    await store.backfills.fail({ repo: b!.repo, worker: 'w', error: 'boom', now: T0, retryAt: T0 + MINUTE });
    expect(await store.backfills.count({ installationId: 7 })).toMatchObject({ total: 3, done: 1, failed: 1 });
    expect(await store.backfills.count({ installationId: 8 })).toMatchObject({ total: 1, done: 0, failed: 0 });
  });

  it('backfills in two passes, installations served in turn, a spent budget waited for, its spending kept', async () => {
    const { store } = await backend.open();
    for (const repo of ['busy/a', 'busy/b', 'busy/c'])
      await store.backfills.enqueue({ repo, installationId: 1, now: T0 });
    await store.backfills.enqueue({ repo: 'calm/x', installationId: 2, now: T0 + 1 });
    // the busy org was served first: the calm one is next, though its job is younger
    const first = await store.backfills.claim({ worker: 'w', now: T0 + 2, lease: MINUTE, limit: 2 });
    expect(first.map((job) => [job.repo, job.stage])).toEqual([
      ['busy/a', 0],
      ['busy/b', 0],
    ]);
    const second = await store.backfills.claim({ worker: 'w', now: T0 + 3, lease: MINUTE, limit: 2 });
    expect(second.map((job) => job.repo)).toEqual(['calm/x']);
    // the first pass ends: the rest pass waits behind every recent window
    expect(await store.backfills.complete({ repo: 'busy/a', worker: 'w', now: T0 + 4, recentSince: T0 - DAY })).toBe(
      true,
    );
    await store.backfills.spent({ installationId: 1, requests: 30, points: 4, now: T0 + 4 });
    await store.backfills.defer({ installationId: 1, worker: 'w', until: T0 + HOUR });
    expect(await store.backfills.count({ installationId: 1 })).toMatchObject({
      total: 3,
      done: 0,
      recentDone: 1,
      waitingUntil: T0 + HOUR,
      requests: 30,
      points: 4,
      partialAt: null,
    });
    // while its budget is spent, the installation gets nothing
    expect(await store.backfills.claim({ worker: 'w', now: T0 + 5, lease: MINUTE, limit: 5 })).toEqual([]);
    const resumed = await store.backfills.claim({ worker: 'w2', now: T0 + HOUR, lease: MINUTE, limit: 5 });
    expect(resumed.map((job) => [job.repo, job.stage, job.recentSince])).toEqual([
      ['busy/b', 0, null],
      ['busy/c', 0, null],
      ['busy/a', 1, T0 - DAY],
    ]);
    expect(resumed.find((job) => job.repo === 'busy/b')?.attempts).toBe(1); // the deferred claim was not an attempt
    for (const repo of ['busy/b', 'busy/c'])
      await store.backfills.complete({ repo, worker: 'w2', now: T0 + HOUR, recentSince: T0 });
    await store.backfills.complete({ repo: 'busy/a', worker: 'w2', now: T0 + HOUR });
    await store.backfills.spent({ installationId: 1, requests: 1, points: 0, now: T0 + HOUR });
    expect(await store.backfills.count({ installationId: 1 })).toMatchObject({
      done: 1,
      recentDone: 3,
      requests: 31,
      partialAt: T0 + HOUR,
    });
    expect((await store.backfills.read({ repo: 'busy/a' }))?.status).toBe('done');
  });

  it('asks for each redelivery once a day at most and hands a lease to one holder at a time', async () => {
    const { store } = await backend.open();
    const ask = (hookDeliveryId: number, now: number) =>
      store.redeliveries.record({ deliveryId: 'g-1', hookDeliveryId, now, askAgainAfter: DAY });
    expect(await ask(11, T0)).toBe(true);
    expect(await ask(12, T0 + DAY - 1)).toBe(false);
    expect(await ask(13, T0 + DAY)).toBe(true);
    expect(await store.leases.take({ name: 'redeliver', holder: 'a', now: T0, ttl: MINUTE })).toBe(true);
    expect(await store.leases.take({ name: 'redeliver', holder: 'b', now: T0 + 1, ttl: MINUTE })).toBe(false);
    expect(await store.leases.take({ name: 'redeliver', holder: 'a', now: T0 + 2, ttl: MINUTE })).toBe(true);
    expect(await store.leases.take({ name: 'redeliver', holder: 'b', now: T0 + 2 + MINUTE, ttl: MINUTE })).toBe(true);
  });

  it('saves only the verdicts that changed, and says which changed and which were dropped', async () => {
    const { store } = await backend.open();
    const verdict = (tag: string, hash: string) => ({
      tag,
      hash,
      status: 'final',
      windowEnd: T0,
      body: JSON.stringify({ tag, hash }),
      publish: true,
    });
    const long = 'v'.repeat(600);
    expect(
      await store.verdicts.save({ repo: REPO, verdicts: [verdict('v1', 'a'), verdict(long, 'b')], now: T0 }),
    ).toEqual({ waiting: ['v1', long].sort(), changed: ['v1', long], removed: [] });
    const again = await store.verdicts.save({
      repo: REPO,
      verdicts: [verdict('v1', 'a'), verdict('v2', 'c')],
      now: T0 + 1,
    });
    expect(again.changed).toEqual(['v2']);
    expect(again.removed).toHaveLength(1);
    expect(again.removed[0]).toMatch(/^sha256:/);
    // v1 unchanged still waits for its first publication, v2 joins it
    const pending = await store.verdicts.claim({ worker: 'w', now: T0 + 2, lease: MINUTE, limit: 5 });
    expect(pending.map((p) => [p.tag, p.hash])).toEqual([
      ['v1', 'a'],
      ['v2', 'c'],
    ]);
  });

  it('drops claims left by a crashed run (single-process start)', async () => {
    const { store } = await backend.open();
    await record(store, release('a', 'v1'));
    await claim(store, 'dead', T0, 1, DAY);
    await store.evaluations.request({ repos: [REPO], now: T0 });
    await store.evaluations.claim({ worker: 'dead', now: T0, lease: DAY, limit: 1 });
    await store.backfills.enqueue({ repo: REPO, installationId: 7, now: T0 });
    await store.backfills.claim({ worker: 'dead', now: T0, lease: DAY, limit: 1 });
    const verdict = { tag: 'v1', hash: 'h', status: 'pending', windowEnd: T0, body: '{}', publish: true };
    await store.verdicts.save({ repo: REPO, verdicts: [verdict], now: T0 });
    await store.verdicts.claim({ worker: 'dead', now: T0, lease: DAY, limit: 1 });
    await store.releaseClaims();
    const now = T0 + 1;
    expect(await claim(store, 'w', now, 5)).toHaveLength(1);
    expect(await store.evaluations.claim({ worker: 'w', now, lease: MINUTE, limit: 5 })).toHaveLength(1);
    expect(await store.backfills.claim({ worker: 'w', now, lease: MINUTE, limit: 5 })).toHaveLength(1);
    expect(await store.verdicts.claim({ worker: 'w', now, lease: MINUTE, limit: 5 })).toHaveLength(1);
  });

  it('reports queue health', async () => {
    const { store } = await backend.open();
    await record(store, release('a', 'v1'), T0);
    await record(store, release('b', 'v2'), T0 + 5);
    await record(store, release('c', 'v3'), T0 + 9);
    await claim(store, 'w', T0 + 10, 2);
    await complete(store, { id: 'a', worker: 'w', facts: [], now: T0 + 10 });
    const nowhere = { repo: null, org: null, installationId: null };
    await store.deliveries.fail({
      id: 'b',
      worker: 'w',
      error: 'x',
      location: nowhere,
      now: T0 + 10,
      retryAt: T0 + 20,
    });
    expect(await store.health()).toEqual({
      pending: 1,
      failed: 1,
      oldestPendingAt: T0 + 5,
      lastProcessedAt: T0 + 10,
      dirtyRepos: 0,
      verdictsToPublish: 0,
      backfillsPending: 0,
      timers: 0,
    });
  });

  it('knows when the newest delivery was processed (null before any), whatever order they finish in', async () => {
    const { store } = await backend.open();
    expect((await store.health()).lastProcessedAt).toBeNull();
    await record(store, release('a', 'v1'), T0);
    await record(store, release('b', 'v2'), T0 + 1);
    await claim(store, 'w', T0 + 2, 2);
    expect((await store.health()).lastProcessedAt).toBeNull();
    await complete(store, { id: 'b', worker: 'w', facts: [], now: T0 + 30 });
    await complete(store, { id: 'a', worker: 'w', facts: [], now: T0 + 20 });
    expect((await store.health()).lastProcessedAt).toBe(T0 + 30);
  });

  it('lists the orgs of known repos once each, sorted: installed ones and those asked for evaluation', async () => {
    const { store } = await backend.open();
    expect(await store.repos.orgs()).toEqual([]);
    await store.repos.register({ repos: [{ repo: 'octo-org/b', installationId: 7 }], now: T0 });
    await store.repos.register({ repos: [{ repo: 'octo-org/a', installationId: 7 }], now: T0 });
    await store.repos.register({ repos: [{ repo: 'Zeta/z', installationId: null }], now: T0 });
    await store.evaluations.request({ repos: [REPO], now: T0 });
    expect(await store.repos.orgs()).toEqual(['Codertocat', 'Zeta', 'octo-org']);
  });
});

function sortFacts(facts: Fact[]): Fact[] {
  const key = (f: Fact) => JSON.stringify(f);
  return [...facts].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
