// One bad delivery must never hold the others (issue #12), on PostgreSQL and
// SQLite: a tag with a NUL, a 3 KB tag (a btree key too large) and a
// repository name with a NUL arrive together with good deliveries. What can
// be stored is stored (key columns hashed, the full text in the fact's body);
// what still cannot (PostgreSQL refuses a NUL repository name in a fact row)
// fails alone, with its error, visible in /healthz and the failed-deliveries
// API; every other delivery is processed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWebhook } from '../events/load-webhook.ts';
import { createDatabase } from '../support/create-database.ts';
import { type PostgresServer, usePostgres } from '../support/postgres.ts';
import { type Harness, SECRET, startHarness, TOKEN, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sendDelivery } from './signed-delivery.ts';

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

const pgDatabase = (name: string) => createDatabase({ server: postgres, name });

const REPO = 'Codertocat/Hello-World';
const NUL_TAG = 'v2.0.0\u0000evil';
const LONG_TAG = `v3.0.0-${'x'.repeat(3000)}`;
const at = new Date(Date.now() - 3_600_000).toISOString();

function release(tag: string, repository?: Record<string, unknown>) {
  return loadWebhook('release.published', {
    release: { tag_name: tag, name: tag, published_at: at, created_at: at },
    installation: { id: 42 },
    ...(repository ? { repository } : {}),
  });
}

describe.each([
  { db: 'postgres', url: () => pgDatabase('bad_batch'), nulRepo: 'failed' },
  { db: 'sqlite', url: async () => undefined, nulRepo: 'processed' },
])('a batch with bad deliveries on $db', ({ url, nulRepo }) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ github, databaseUrl: await url() });
  });
  afterAll(async () => harness?.stop());

  it('processes every good delivery, stores what it can, and fails only the culprit, visibly', async () => {
    const deliveries: [string, unknown][] = [
      ['good-1', release('v1.0.0')],
      ['nul-tag', release(NUL_TAG)],
      ['long-tag', release(LONG_TAG)],
      ['nul-repo', release('v9.0.0', { name: 'Hello\u0000World', full_name: 'Codertocat/Hello\u0000World' })],
      ['good-2', release('v4.0.0')],
    ];
    const answers = await Promise.all(
      deliveries.map(([id, payload]) =>
        sendDelivery({ url: harness.webhookUrl, id, name: 'release', payload, secret: SECRET }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const settled = await waitFor('every delivery processed or failed', async () => {
      const all = await harness.app.store.log.list({ limit: 10 });
      return all.length === 5 && all.every((d) => d.status !== 'pending') ? all : null;
    });
    const status = Object.fromEntries(settled.map((d) => [d.id, d.status]));
    expect(status).toEqual({
      'good-1': 'processed',
      'nul-tag': 'processed',
      'long-tag': 'processed',
      'nul-repo': nulRepo,
      'good-2': 'processed',
    });
    const tags = (await harness.app.store.facts.read({ repo: REPO }))
      .filter((f) => f.type === 'release')
      .map((f) => (f as { tag: string }).tag)
      .sort();
    expect(tags).toEqual(['v1.0.0', NUL_TAG, LONG_TAG, 'v4.0.0'].sort());

    const auth = { headers: { authorization: `Bearer ${TOKEN}` } };
    const failed = (await (await fetch(harness.url('/shipwell/api/deliveries?status=failed'), auth)).json()) as {
      id: string;
      lastError: string;
    }[];
    const health = (await (await fetch(harness.url('/healthz'))).json()) as { queue: { failed: number } };
    if (nulRepo === 'failed') {
      expect(failed.map((d) => d.id)).toEqual(['nul-repo']);
      expect(failed[0]!.lastError).toMatch(/invalid byte sequence/); // PostgreSQL's own words
      expect(health.queue.failed).toBe(1);
    } else {
      expect(failed).toEqual([]);
      expect(health.queue.failed).toBe(0);
    }
  });
});
