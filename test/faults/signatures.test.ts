// Bad input at the door (issue #7): every delivery with a wrong, malformed or
// missing X-Hub-Signature-256 is refused by the real App over HTTP and
// nothing of it is stored — 100 %, over a thousand deliveries of every kind
// of bad signature (fast-check), on SQLite and on PostgreSQL. A correctly
// signed delivery sent afterwards is stored, so the refusals are not an App
// that refuses everything.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SECRET, startHarness } from '../app/app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from '../app/fake-github.ts';
import { sendDelivery, sign } from '../app/signed-delivery.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { createDatabase } from '../support/create-database.ts';
import { type PostgresServer, usePostgres } from '../support/postgres.ts';

const BAD = 1_000;

let github: FakeGitHub;
let postgres: PostgresServer;

beforeAll(async () => {
  github = await startFakeGitHub();
  postgres = await usePostgres();
});
afterAll(async () => {
  await github?.close();
  await postgres?.stop();
});

type BadSignature =
  | { kind: 'missing' }
  | { kind: 'wrong-secret'; secret: string }
  | { kind: 'other-body'; extra: string }
  | { kind: 'sha1-only' }
  | { kind: 'flipped'; at: number }
  | { kind: 'truncated'; keep: number }
  | { kind: 'noise'; text: string };

const badSignature: fc.Arbitrary<BadSignature> = fc.oneof(
  fc.constant({ kind: 'missing' as const }),
  fc.record({
    kind: fc.constant('wrong-secret' as const),
    secret: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s !== SECRET),
  }),
  fc.record({ kind: fc.constant('other-body' as const), extra: fc.string({ minLength: 1, maxLength: 5 }) }),
  fc.constant({ kind: 'sha1-only' as const }),
  fc.record({ kind: fc.constant('flipped' as const), at: fc.nat({ max: 63 }) }),
  fc.record({ kind: fc.constant('truncated' as const), keep: fc.nat({ max: 70 }) }),
  fc.record({
    kind: fc.constant('noise' as const),
    text: fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom('', 'sha256=', 'sha256', 'SHA256=00', `sha256=${'0'.repeat(64)}`, 'sha512=abc'),
    ),
  }),
);

/** The headers of a delivery signed badly in the given way (never a valid sha256 HMAC of the body). */
function badHeaders({ body, bad }: { body: string; bad: BadSignature }): Record<string, string> {
  const good = sign({ body, secret: SECRET });
  switch (bad.kind) {
    case 'missing':
      return {};
    case 'wrong-secret':
      return { 'x-hub-signature-256': sign({ body, secret: bad.secret }) };
    case 'other-body':
      return { 'x-hub-signature-256': sign({ body: body + bad.extra, secret: SECRET }) };
    case 'sha1-only':
      return { 'x-hub-signature': `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}` };
    case 'flipped': {
      const i = 'sha256='.length + bad.at;
      const flipped = good[i] === '0' ? '1' : '0';
      return { 'x-hub-signature-256': good.slice(0, i) + flipped + good.slice(i + 1) };
    }
    case 'truncated':
      return { 'x-hub-signature-256': good.slice(0, Math.min(bad.keep, good.length - 1)) };
    case 'noise':
      // header values must be sendable: keep printable ASCII, and never the right one by chance
      return { 'x-hub-signature-256': bad.text.replace(/[^\x20-\x7e]/g, '') };
  }
}

async function postBadly({ url, id, body, bad }: { url: string; id: string; body: string; bad: BadSignature }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'release',
      'x-github-delivery': id,
      'user-agent': 'GitHub-Hookshot/test',
      ...badHeaders({ body, bad }),
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

const pgDatabase = (name: string) => createDatabase({ server: postgres, name });

describe.each([
  { db: 'sqlite', url: async () => undefined },
  { db: 'postgres', url: () => pgDatabase('signatures') },
])('signatures on $db', ({ url }) => {
  it(`refuses ${BAD.toLocaleString('en')} badly signed deliveries and stores none of them`, async () => {
    const harness: Harness = await startHarness({ github, databaseUrl: await url() });
    try {
      const payload = loadWebhook('release.published', { installation: { id: 42 } });
      const body = JSON.stringify(payload);
      const samples = fc.sample(badSignature, { numRuns: BAD, seed: 7 });
      const statuses: number[] = [];
      const ids: string[] = [];
      for (let i = 0; i < samples.length; i += 25) {
        const batch = samples.slice(i, i + 25).map((bad, j) => {
          const id = `bad-${i + j}`;
          ids.push(id);
          return postBadly({ url: harness.webhookUrl, id, body, bad });
        });
        statuses.push(...(await Promise.all(batch)));
      }
      const accepted = statuses.filter((status) => status >= 200 && status < 300);
      expect(accepted).toEqual([]);
      expect(statuses.every((status) => status === 400 || status === 401)).toBe(true);
      const store = harness.app.store;
      expect((await store.redeliveries.storedIds({ ids })).size).toBe(0);
      expect(await store.log.list({ limit: 10 })).toEqual([]);

      // the same body, signed right, is stored: the door is not simply shut
      const ok = await sendDelivery({
        url: harness.webhookUrl,
        id: 'good-1',
        name: 'release',
        payload,
        secret: SECRET,
      });
      expect(ok.status).toBe(200);
      expect([...(await store.redeliveries.storedIds({ ids: ['good-1'] }))]).toEqual(['good-1']);
    } finally {
      await harness.stop();
    }
  }, 120_000);
});
