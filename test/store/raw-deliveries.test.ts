// Deliveries stored as received (the webhook path's `{ received }` input):
// the text is kept untouched, located from the payload when read, given its
// location columns when claimed, and a text that is not JSON comes back
// marked `unreadable` instead of throwing — on both databases.
import { afterAll, describe, expect, it } from 'vitest';
import type { SqlDatabase, Store } from '../../src/store/index.ts';
import { MINUTE } from '../../src/time/index.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { type Backend, postgresBackend, sqliteBackend } from './backends.ts';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const REPO = 'Codertocat/Hello-World';

function received(id: string, payloadText: string, receivedAt = T0, name = 'release') {
  return {
    received: { id, name, at: new Date(receivedAt).toISOString(), payloadText },
    receivedAt,
  };
}

/** A real release payload as GitHub sends it (pretty-printed: not what JSON.stringify gives). */
function releaseText(installation = 7): string {
  return JSON.stringify(loadWebhook('release.published', { installation: { id: installation } }), null, 2);
}

async function payloadText(db: SqlDatabase, id: string): Promise<string | undefined> {
  const rows = await db.query<{ payload: string }>('SELECT payload FROM delivery_payloads WHERE id = $1', [id]);
  return rows[0]?.payload;
}

async function locationColumns(db: SqlDatabase, id: string) {
  const [row] = await db.query<{ org: string | null; repo: string | null; installation_id: number | string | null }>(
    'SELECT org, repo, installation_id FROM deliveries WHERE id = $1',
    [id],
  );
  return (
    row && {
      org: row.org,
      repo: row.repo,
      installationId: row.installation_id === null ? null : Number(row.installation_id),
    }
  );
}

const claimAll = (store: Store, now = T0 + MINUTE) =>
  store.claimDeliveries({ worker: 'w', now, lease: MINUTE, limit: 50 });

const backends: Backend[] = [sqliteBackend(), postgresBackend()];
afterAll(async () => {
  for (const backend of backends) await backend.stop();
});

describe.each(backends)('deliveries stored as received, on $name', (backend) => {
  it('are stored unlocated, and read back parsed and located from the payload', async () => {
    const { store, db } = await backend.open();
    const text = releaseText();
    expect(await store.recordDelivery(received('raw-1', text))).toBe(true);
    expect(await locationColumns(db, 'raw-1')).toEqual({ org: null, repo: null, installationId: null });
    const stored = await store.readDelivery({ id: 'raw-1' });
    expect(stored).toEqual({
      delivery: { id: 'raw-1', name: 'release', at: new Date(T0).toISOString(), payload: JSON.parse(text) },
      receivedAt: T0,
      installationId: 7,
      org: 'Codertocat',
      repo: REPO,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: T0,
      lastError: null,
      processedAt: null,
      processCount: 0,
    });
  });

  it('a known id stores nothing more: false, the first text kept', async () => {
    const { store, db } = await backend.open();
    expect(await store.recordDelivery(received('raw-1', '{"first":true}'))).toBe(true);
    expect(await store.recordDelivery(received('raw-1', '{"second":true}', T0 + 5))).toBe(false);
    expect(await payloadText(db, 'raw-1')).toBe('{"first":true}');
    expect((await store.readDelivery({ id: 'raw-1' }))?.receivedAt).toBe(T0);
  });

  it('a signed payload replayed under a new id is stored once (X-GitHub-Delivery is not signed)', async () => {
    const { store, db } = await backend.open();
    const text = releaseText();
    expect(await store.recordDelivery(received('first-id', text))).toBe(true);
    expect(await store.recordDelivery(received('replayed-id', text, T0 + 5))).toBe(false);
    // a GitHub redelivery: the same id and payload
    expect(await store.recordDelivery(received('first-id', text, T0 + 9))).toBe(false);
    // in one batch too (arriving together), and a different payload is still new
    const together = await Promise.all([
      store.recordDelivery(received('batch-a', `${text} `)),
      store.recordDelivery(received('batch-b', `${text} `)),
      store.recordDelivery(received('batch-c', `${text}  `)),
    ]);
    expect(together).toEqual([true, false, true]);
    expect(
      (await store.storedDeliveryIds({ ids: ['first-id', 'replayed-id', 'batch-a', 'batch-b', 'batch-c'] })).size,
    ).toBe(3);
    const [payloads] = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM delivery_payloads');
    expect(Number(payloads?.n)).toBe(3);
    // processed once: the replay adds no fact rows
    expect((await claimAll(store)).map((s) => s.delivery.id).sort()).toEqual(['batch-a', 'batch-c', 'first-id']);
  });

  it('listDeliveries by org finds them only once claimed (the claim writes the location)', async () => {
    const { store, db } = await backend.open();
    await store.recordDelivery(received('raw-1', releaseText(), T0));
    await store.recordDelivery({
      delivery: { id: 'parsed-1', name: 'release', payload: loadWebhook('release.published') },
      receivedAt: T0 + 1,
      installationId: 9,
    });
    const byOrg = async () =>
      (await store.listDeliveries({ org: 'Codertocat', limit: 10 })).map((d) => [d.delivery.id, d.org, d.repo]);
    expect(await byOrg()).toEqual([['parsed-1', 'Codertocat', REPO]]);
    // unfiltered, it is listed (and located on the way)
    const all = await store.listDeliveries({ limit: 10 });
    expect(all.map((d) => [d.delivery.id, d.org, d.installationId])).toEqual([
      ['raw-1', 'Codertocat', 7],
      ['parsed-1', 'Codertocat', 9],
    ]);
    const claimed = await claimAll(store);
    expect(claimed.map((d) => [d.delivery.id, d.org, d.repo, d.installationId])).toEqual([
      ['raw-1', 'Codertocat', REPO, 7],
      ['parsed-1', 'Codertocat', REPO, 9],
    ]);
    expect(await locationColumns(db, 'raw-1')).toEqual({ org: 'Codertocat', repo: REPO, installationId: 7 });
    expect(await byOrg()).toEqual([
      ['raw-1', 'Codertocat', REPO],
      ['parsed-1', 'Codertocat', REPO],
    ]);
    expect(await store.listDeliveries({ org: 'someone-else', limit: 10 })).toEqual([]);
  });

  it('a payload that is not JSON is claimed as unreadable beside a good one, which is intact', async () => {
    const { store, db } = await backend.open();
    const good = releaseText();
    const bad = '{"action": "published", "repository": {"full_name": "Codertocat/Hello-World"'; // cut short
    await store.recordDelivery(received('bad-1', bad, T0));
    await store.recordDelivery(received('good-1', good, T0 + 1));
    const claimed = await claimAll(store);
    expect(claimed.map((d) => d.delivery.id)).toEqual(['bad-1', 'good-1']);
    const [unreadable, intact] = claimed;
    expect(unreadable?.unreadable).toMatch(/^payload is not valid JSON: \S/);
    expect(unreadable).toMatchObject({
      delivery: { id: 'bad-1', name: 'release', payload: null },
      org: null,
      repo: null,
      installationId: null,
      attempts: 1,
    });
    expect(intact?.unreadable).toBeUndefined();
    expect(intact).toMatchObject({
      delivery: { id: 'good-1', payload: JSON.parse(good) },
      org: 'Codertocat',
      repo: REPO,
      installationId: 7,
      attempts: 1,
    });
    expect('unreadable' in (intact ?? {})).toBe(false);
    // the text is kept as it came, to be looked at
    expect(await payloadText(db, 'bad-1')).toBe(bad);
    expect(await locationColumns(db, 'bad-1')).toEqual({ org: null, repo: null, installationId: null });

    // the worker records why and retries it; the good one commits
    await store.failDelivery({
      id: 'bad-1',
      worker: 'w',
      error: unreadable?.unreadable ?? '',
      now: T0,
      retryAt: T0 + 2 * MINUTE,
    });
    expect(await store.completeDelivery({ id: 'good-1', worker: 'w', facts: [], now: T0 + 2 })).toBe(true);
    const failed = await store.listDeliveries({ status: 'failed', limit: 10 });
    expect(failed.map((d) => [d.delivery.id, d.lastError])).toEqual([['bad-1', unreadable?.unreadable]]);
    expect((await store.readDelivery({ id: 'good-1' }))?.status).toBe('processed');
    expect(await claimAll(store, T0 + 2 * MINUTE - 1)).toEqual([]);
    const again = await claimAll(store, T0 + 2 * MINUTE);
    expect(again.map((d) => [d.delivery.id, d.attempts, d.unreadable !== undefined])).toEqual([['bad-1', 2, true]]);
  });

  it('reading an unreadable one never throws: readDelivery and listDeliveries return it', async () => {
    const { store } = await backend.open();
    for (const [i, text] of ['{', '{"a":1}}', '{"a":NaN}', "{'a':1}", '{"a":1,}'].entries()) {
      await store.recordDelivery(received(`bad-${i}`, text, T0 + i));
    }
    await store.recordDelivery(received('good-1', '{"zen":"Keep it logically awesome."}', T0 + 10, 'ping'));
    const list = await store.listDeliveries({ limit: 10 });
    expect(list.map((d) => [d.delivery.id, d.unreadable !== undefined])).toEqual([
      ['bad-0', true],
      ['bad-1', true],
      ['bad-2', true],
      ['bad-3', true],
      ['bad-4', true],
      ['good-1', false],
    ]);
    expect((await store.readDelivery({ id: 'bad-3' }))?.unreadable).toMatch(/^payload is not valid JSON/);
    expect((await store.readDelivery({ id: 'good-1' }))?.delivery.payload).toEqual({
      zen: 'Keep it logically awesome.',
    });
  });

  it('the payload text round-trips byte for byte', async () => {
    const { store, db } = await backend.open();
    const texts = [
      '  {\r\n\t"zeta" : 1.50e+2 ,\n  "alpha":"caf\u00e9 \\u00e9 \u{1F6A2} \\ud83d\\udea2 \u2028 \\u0000",' +
        ' "dup": 1, "dup": 2, "n": -0.0, "big": 12345678901234567890, "\\/": [ ] }\n',
      releaseText(),
      `{"deep":${'['.repeat(200)}${']'.repeat(200)},"quote":"\\"'\`","backslash":"\\\\","tab":"\\t"}`,
      `{"large":"${'\u00fc\u4e16'.repeat(50_000)}"}`,
    ];
    for (const [i, text] of texts.entries()) {
      expect(await store.recordDelivery(received(`exact-${i}`, text, T0 + i))).toBe(true);
    }
    for (const [i, text] of texts.entries()) {
      const back = await payloadText(db, `exact-${i}`);
      expect(back).toBe(text);
      expect(Buffer.from(back ?? '', 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
    // and the parse the worker gets is the parse of what was sent
    const claimed = await claimAll(store);
    expect(claimed.map((d) => d.delivery.payload)).toEqual(texts.map((t) => JSON.parse(t)));
  });
});
