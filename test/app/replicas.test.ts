// Two replicas of the App share one real PostgreSQL database behind a "load
// balancer": one in this process, one the real `npm start` (its worker on a
// thread of its own, as on PostgreSQL by default). Every delivery reaches
// both (as a redelivery through the other would): each is processed once and
// each verdict published once.
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWebhook } from '../events/load-webhook.ts';
import { findDelivery } from '../store/find-delivery.ts';
import { type PostgresServer, usePostgres } from '../support/postgres.ts';
import { type Harness, SECRET, startHarness, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sendDelivery } from './signed-delivery.ts';
import { startChild, stopChild } from './start-child.ts';

const REPO = 'Codertocat/Hello-World';
const RELEASES = 12;

let postgres: PostgresServer;
let github: FakeGitHub;
let local: Harness;
let child: { child: ChildProcess; port: number; output: () => string };

beforeAll(async () => {
  postgres = await usePostgres();
  const admin = new pg.Pool({ connectionString: postgres.url, max: 1 });
  await admin.query('CREATE DATABASE replicas');
  await admin.end();
  github = await startFakeGitHub();
  const databaseUrl = postgres.url.replace(/\/[^/]*$/, '/replicas');
  // started together: both apply migrations at once (the advisory lock serialises them)
  [local, child] = await Promise.all([startHarness({ github, databaseUrl }), startChild({ github, databaseUrl })]);
}, 60_000);

afterAll(async () => {
  if (child) await stopChild(child.child);
  await local?.stop();
  await github?.close();
  await postgres?.stop();
});

describe('two replicas on one PostgreSQL database', () => {
  it('process each delivery once and publish each verdict once', async () => {
    const publishedAt = new Date(Date.now() - 3_600_000).toISOString();
    const urls = [local.webhookUrl, `http://127.0.0.1:${child.port}/api/github/webhooks`];
    const sends = [];
    for (let i = 0; i < RELEASES; i++) {
      const sha = i.toString(16).padStart(40, 'c');
      const payload = loadWebhook('release.published', {
        release: { tag_name: `v${i}.0.0`, target_commitish: sha, published_at: publishedAt, created_at: publishedAt },
        installation: { id: 42 },
      });
      for (const url of urls)
        sends.push(sendDelivery({ url, id: `rel-${i}`, name: 'release', payload, secret: SECRET }));
    }
    const responses = await Promise.all(sends);
    expect(responses.every((r) => r.status === 200)).toBe(true);

    const store = local.app.store;
    const published = () => new Set(github.checkRuns.filter((r) => r.name === 'Shipwell KPIs').map((r) => r.head_sha));
    await waitFor('every release published', () => published().size === RELEASES, 45_000);
    await waitFor('the queue drained', async () => {
      const health = await store.health();
      return health.pending === 0 && health.failed === 0 && health.dirtyRepos === 0 && health.verdictsToPublish === 0;
    });
    for (let i = 0; i < RELEASES; i++) {
      expect(await findDelivery(store, `rel-${i}`)).toMatchObject({ status: 'processed', processCount: 1 });
    }
    const created = github.requests.filter((r) => r.method === 'POST' && r.path === `/repos/${REPO}/check-runs`);
    expect(created).toHaveLength(RELEASES);
    expect(github.checkRuns.filter((r) => r.name === 'Shipwell KPIs')).toHaveLength(RELEASES);
    // one publication per verdict in the shared log, and the child's worker thread ran without error
    const pool = new pg.Pool({ connectionString: postgres.url.replace(/\/[^/]*$/, '/replicas'), max: 1 });
    const verdicts = await pool.query(
      'SELECT COUNT(*) AS n FROM release_verdicts WHERE published_hash = hash AND publish_due IS NULL',
    );
    await pool.end();
    expect(Number(verdicts.rows[0].n)).toBe(RELEASES);
    expect(child.output()).not.toMatch(/worker thread (failed|exited)/);
  }, 90_000);
});
