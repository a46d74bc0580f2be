// Two replicas of the App (each its own Probot server and worker) share one
// real PostgreSQL database behind a "load balancer" (deliveries alternate
// between them): every delivery is processed once and every verdict is
// published once.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWebhook } from '../events/load-webhook.ts';
import { type PostgresServer, usePostgres } from '../support/postgres.ts';
import { type Harness, SECRET, startHarness, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sendDelivery } from './signed-delivery.ts';

const REPO = 'Codertocat/Hello-World';
const RELEASES = 24;

let postgres: PostgresServer;
let github: FakeGitHub;
const replicas: Harness[] = [];

beforeAll(async () => {
  postgres = await usePostgres();
  const admin = new pg.Pool({ connectionString: postgres.url, max: 1 });
  await admin.query('CREATE DATABASE replicas');
  await admin.end();
  github = await startFakeGitHub();
  const databaseUrl = postgres.url.replace(/\/[^/]*$/, '/replicas');
  // started together: both apply migrations at once (the advisory lock serialises them)
  replicas.push(...(await Promise.all([startHarness({ github, databaseUrl }), startHarness({ github, databaseUrl })])));
});

afterAll(async () => {
  for (const replica of replicas) await replica.stop();
  await github?.close();
  await postgres?.stop();
});

describe('two replicas on one PostgreSQL database', () => {
  it('process each delivery once and publish each verdict once', async () => {
    const publishedAt = new Date(Date.now() - 3_600_000).toISOString();
    const sends = [];
    for (let i = 0; i < RELEASES; i++) {
      const sha = i.toString(16).padStart(40, 'c');
      const payload = loadWebhook('release.published', {
        release: { tag_name: `v${i}.0.0`, target_commitish: sha, published_at: publishedAt, created_at: publishedAt },
        installation: { id: 42 },
      });
      for (const replica of replicas) {
        // the same delivery reaches both replicas (a redelivery through the other one)
        sends.push(sendDelivery({ url: replica.webhookUrl, id: `rel-${i}`, name: 'release', payload, secret: SECRET }));
      }
    }
    const responses = await Promise.all(sends);
    expect(responses.every((r) => r.status === 200)).toBe(true);

    const store = replicas[0]!.app.store;
    await waitFor(
      'every release published',
      () =>
        new Set(github.checkRuns.filter((r) => r.name === 'Shipwell KPIs').map((r) => r.head_sha)).size === RELEASES,
      30_000,
    );
    await waitFor('the queue drained', async () => {
      const health = await store.health({ now: Date.now() });
      return health.pending === 0 && health.failed === 0 && health.dirtyRepos === 0;
    });
    for (let i = 0; i < RELEASES; i++) {
      expect(await store.readDelivery({ id: `rel-${i}` })).toMatchObject({ status: 'processed', processCount: 1 });
    }
    const created = github.requests.filter((r) => r.method === 'POST' && r.path === `/repos/${REPO}/check-runs`);
    expect(created).toHaveLength(RELEASES);
    expect(github.checkRuns.filter((r) => r.name === 'Shipwell KPIs')).toHaveLength(RELEASES);
  }, 60_000);
});
