// Deliveries stored as the webhook door received them: the text is kept
// untouched and unlocated, parsed when claimed (a text that is not JSON comes
// back marked `unreadable` instead of throwing), located by the processing
// job when it marks them processed or failed — on both databases.
import { afterAll, describe, expect, it } from 'vitest';
import type { SqlDatabase, Store } from '../../src/store/index.ts';
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
    expect(await store.inbox.record(received('raw-1', '{"other":1}', T0 + 1))).toBe(false);
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
