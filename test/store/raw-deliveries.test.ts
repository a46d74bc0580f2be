// Deliveries stored as the webhook door received them: the text is kept
// untouched and unlocated, parsed when claimed (a text that is not JSON comes
// back marked `unreadable` instead of throwing), located by the processing
// job when it marks them processed or failed — on both databases.
import { afterAll, describe, expect, it } from 'vitest';
import { locateDelivery, normalizeDelivery } from '../../src/events/index.ts';
import type { SqlDatabase, Store, StoredDelivery } from '../../src/store/index.ts';
import { MINUTE } from '../../src/time/index.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { type Backend, postgresBackend, sqliteBackend } from './backends.ts';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const REPO = 'Codertocat/Hello-World';
const HERE = { repo: REPO, org: 'Codertocat', installationId: 7 };
const NOWHERE = { repo: null, org: null, installationId: null };

function received(id: string, payloadText: string, receivedAt = T0, name = 'release') {
  return { id, name, at: new Date(receivedAt).toISOString(), payloadText, receivedAt };
}

/** A real release payload as GitHub sends it (pretty-printed: not what JSON.stringify gives). */
function releaseText(installation = 7): string {
  return JSON.stringify(loadWebhook('release.published', { installation: { id: installation } }), null, 2);
}

async function payloadText(db: SqlDatabase, id: string): Promise<string | undefined> {
  const rows = await db.query<{ payload: string }>('SELECT payload FROM delivery_payloads WHERE id = $1', [id]);
  return rows[0]?.payload;
}

/** What the processing job commits for claimed deliveries: processed marks and facts, together. */
async function process(store: Store, claimed: StoredDelivery[], now: number): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.deliveries.complete({
      worker: 'w',
      now,
      deliveries: claimed.map((d) => ({ id: d.delivery.id, location: locateDelivery(d.delivery.payload) })),
    });
    await tx.facts.write({ facts: claimed.flatMap((d) => normalizeDelivery(d.delivery).facts ?? []) });
  });
}

const claimAll = (store: Store, now = T0 + MINUTE) =>
  store.deliveries.claim({ worker: 'w', now, lease: MINUTE, limit: 50 });

const backends: Backend[] = [sqliteBackend(), postgresBackend()];
afterAll(async () => {
  for (const backend of backends) await backend.stop();
});

describe.each(backends)('deliveries stored as received, on $name', (backend) => {
  it('are stored unlocated and claimed parsed; listed by org once processing located them', async () => {
    const { store } = await backend.open();
    const text = releaseText();
    expect(await store.inbox.record(received('raw-1', text))).toBe(true);
    expect(await store.log.list({ org: 'Codertocat', limit: 10 })).toEqual([]);
    const [claimed] = await claimAll(store);
    expect(claimed).toMatchObject({
      delivery: { id: 'raw-1', name: 'release', payload: JSON.parse(text), at: new Date(T0).toISOString() },
      location: NOWHERE,
      attempts: 1,
    });
    await store.deliveries.complete({ worker: 'w', now: T0 + 2, deliveries: [{ id: 'raw-1', location: HERE }] });
    expect((await store.log.list({ org: 'Codertocat', limit: 10 })).map((d) => [d.id, d.location])).toEqual([
      ['raw-1', HERE],
    ]);
    expect(await store.log.list({ org: 'someone-else', limit: 10 })).toEqual([]);
  });

  it('a redelivery of a known id stores nothing more: false, the first text and time kept', async () => {
    const { store, db } = await backend.open();
    const text = releaseText();
    expect(await store.inbox.record(received('raw-1', text))).toBe(true);
    // the same content, spaced differently: still the same delivery
    const again = JSON.stringify(JSON.parse(text));
    expect(await store.inbox.record(received('raw-1', again, T0 + 5))).toBe(false);
    expect(await payloadText(db, 'raw-1')).toBe(text);
    expect((await store.log.list({ limit: 10 }))[0]?.receivedAt).toBe(T0);
  });

  it('one id with two payloads keeps the greater by content, whichever arrives first (docs/kpis.md)', async () => {
    // a real release payload, and the same delivery id with another published_at
    const earlier = releaseText();
    const later = JSON.stringify(
      loadWebhook('release.published', { installation: { id: 7 }, release: { published_at: '2019-05-16T15:20:53Z' } }),
    );
    for (const [first, second] of [
      [earlier, later],
      [later, earlier],
    ] as const) {
      const { store, db } = await backend.open();
      expect(await store.inbox.record(received('raw-1', first))).toBe(true);
      await process(store, await claimAll(store), T0 + MINUTE);
      // the second replaces the first only when it wins, and is then processed again
      expect(await store.inbox.record(received('raw-1', second, T0 + 2 * MINUTE))).toBe(second === later);
      expect(await payloadText(db, 'raw-1')).toBe(later);
      expect((await store.log.list({ limit: 10 }))[0]?.status).toBe(second === later ? 'pending' : 'processed');
      if (second === later) {
        // the losing payload's facts are gone until the winner is processed, and its repository is asked for
        expect(await store.facts.read({ repo: REPO })).toEqual([]);
        expect((await store.health()).dirtyRepos).toBe(1);
        const claimed = await claimAll(store, T0 + 3 * MINUTE);
        expect(claimed.map((d) => d.delivery.payload)).toEqual([JSON.parse(later)]);
        await process(store, claimed, T0 + 3 * MINUTE);
      }
      const release = (await store.facts.read({ repo: REPO })).find((f) => f.type === 'release');
      expect(release).toMatchObject({ publishedAt: Date.parse('2019-05-16T15:20:53Z') });
    }
  });

  it('one id with two payloads in one write keeps the greater too', async () => {
    const earlier = releaseText();
    const later = JSON.stringify(
      loadWebhook('release.published', { installation: { id: 7 }, release: { published_at: '2019-05-16T15:20:53Z' } }),
    );
    for (const pair of [
      [earlier, later],
      [later, earlier],
    ]) {
      const { store, db } = await backend.open();
      await Promise.all(pair.map((text, i) => store.inbox.record(received('raw-1', text, T0 + i))));
      expect(await payloadText(db, 'raw-1')).toBe(later);
      expect((await claimAll(store)).map((d) => d.delivery.payload)).toEqual([JSON.parse(later)]);
    }
  });

  it('a signed payload replayed under a new id is stored once (X-GitHub-Delivery is not signed)', async () => {
    const { store, db } = await backend.open();
    const text = releaseText();
    expect(await store.inbox.record(received('first-id', text))).toBe(true);
    expect(await store.inbox.record(received('replayed-id', text, T0 + 5))).toBe(false);
    // a GitHub redelivery: the same id and payload
    expect(await store.inbox.record(received('first-id', text, T0 + 9))).toBe(false);
    // in one batch too (arriving together), and a different payload is still new
    const together = await Promise.all([
      store.inbox.record(received('batch-a', `${text} `)),
      store.inbox.record(received('batch-b', `${text} `)),
      store.inbox.record(received('batch-c', `${text}  `)),
    ]);
    expect(together).toEqual([true, false, true]);
    expect(
      (await store.redeliveries.storedIds({ ids: ['first-id', 'replayed-id', 'batch-a', 'batch-b', 'batch-c'] })).size,
    ).toBe(3);
    const [payloads] = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM delivery_payloads');
    expect(Number(payloads?.n)).toBe(3);
    // processed once: the replay adds no fact rows
    expect((await claimAll(store)).map((s) => s.delivery.id).sort()).toEqual(['batch-a', 'batch-c', 'first-id']);
  });

  it('a payload that is not JSON is claimed as unreadable beside a good one, which is intact', async () => {
    const { store, db } = await backend.open();
    const good = releaseText();
    const bad = '{"action": "published", "repository": {"full_name": "Codertocat/Hello-World"'; // cut short
    await store.inbox.record(received('bad-1', bad, T0));
    await store.inbox.record(received('good-1', good, T0 + 1));
    const claimed = await claimAll(store);
    expect(claimed.map((d) => d.delivery.id)).toEqual(['bad-1', 'good-1']);
    const [unreadable, intact] = claimed;
    expect(unreadable?.unreadable).toMatch(/^payload is not valid JSON: \S/);
    expect(unreadable).toMatchObject({ delivery: { id: 'bad-1', name: 'release', payload: null }, attempts: 1 });
    expect('unreadable' in (intact ?? {})).toBe(false);
    expect(intact).toMatchObject({ delivery: { id: 'good-1', payload: JSON.parse(good) }, attempts: 1 });
    // the text is kept as it came, to be looked at
    expect(await payloadText(db, 'bad-1')).toBe(bad);

    // the worker records why and retries it; the good one commits
    await store.deliveries.fail({
      id: 'bad-1',
      worker: 'w',
      error: unreadable?.unreadable ?? '',
      location: NOWHERE,
      now: T0,
      retryAt: T0 + 2 * MINUTE,
    });
    await store.deliveries.complete({ worker: 'w', now: T0 + 2, deliveries: [{ id: 'good-1', location: HERE }] });
    const failed = await store.log.list({ status: 'failed', limit: 10 });
    expect(failed.map((d) => [d.id, d.lastError])).toEqual([['bad-1', unreadable?.unreadable]]);
    expect(await claimAll(store, T0 + 2 * MINUTE - 1)).toEqual([]);
    const again = await claimAll(store, T0 + 2 * MINUTE);
    expect(again.map((d) => [d.delivery.id, d.attempts, d.unreadable !== undefined])).toEqual([['bad-1', 2, true]]);
  });

  it('claiming unreadable ones never throws', async () => {
    const { store } = await backend.open();
    for (const [i, text] of ['{', '{"a":1}}', '{"a":NaN}', "{'a':1}", '{"a":1,}'].entries()) {
      await store.inbox.record(received(`bad-${i}`, text, T0 + i));
    }
    await store.inbox.record(received('good-1', '{"zen":"Keep it logically awesome."}', T0 + 10, 'ping'));
    const claimed = await claimAll(store);
    expect(claimed.map((d) => [d.delivery.id, d.unreadable !== undefined])).toEqual([
      ['bad-0', true],
      ['bad-1', true],
      ['bad-2', true],
      ['bad-3', true],
      ['bad-4', true],
      ['good-1', false],
    ]);
    expect(claimed.at(-1)?.delivery.payload).toEqual({ zen: 'Keep it logically awesome.' });
  });

  it('the payload text round-trips byte for byte, and the export gives it back as stored', async () => {
    const { store, db } = await backend.open();
    const texts = [
      '  {\r\n\t"zeta" : 1.50e+2 ,\n  "alpha":"caf\u00e9 \\u00e9 \u{1F6A2} \\ud83d\\udea2 \u2028 \\u0000",' +
        ' "dup": 1, "dup": 2, "n": -0.0, "big": 12345678901234567890, "\\/": [ ] }\n',
      releaseText(),
      `{"deep":${'['.repeat(200)}${']'.repeat(200)},"quote":"\\"'\`","backslash":"\\\\","tab":"\\t"}`,
      `{"large":"${'\u00fc\u4e16'.repeat(50_000)}"}`,
    ];
    for (const [i, text] of texts.entries()) {
      expect(await store.inbox.record(received(`exact-${i}`, text, T0 + i))).toBe(true);
    }
    for (const [i, text] of texts.entries()) {
      const back = await payloadText(db, `exact-${i}`);
      expect(back).toBe(text);
      expect(Buffer.from(back ?? '', 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
    // and the parse the worker gets is the parse of what was sent
    const claimed = await claimAll(store);
    expect(claimed.map((d) => d.delivery.payload)).toEqual(texts.map((t) => JSON.parse(t)));
    await store.deliveries.complete({
      worker: 'w',
      now: T0,
      deliveries: texts.map((_, i) => ({ id: `exact-${i}`, location: HERE })),
    });
    const exported = await store.log.export({ org: 'Codertocat', limit: 10 });
    expect(exported.map((e) => e.payloadText)).toEqual(texts);
  });
});
