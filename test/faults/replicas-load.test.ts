// Two replicas on one PostgreSQL under load (issue #7): 3,000 deliveries —
// CI runs, deployments and 60 releases over 3 repositories — sent by 16
// concurrent senders, each delivery to one replica and a third of them to
// both (GitHub redelivering through the other one), while both workers claim
// work with SKIP LOCKED and GitHub answers slowly. Afterwards every delivery
// is processed once by one of them, the facts are exactly each delivery's
// normalization once (nothing lost, nothing doubled), and every release's
// verdict is published exactly once.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fact, normalizeDelivery, type WebhookDelivery } from '../../src/events/index.ts';
import { factContentKey } from '../../src/kpi/index.ts';
import { type Harness, SECRET, startHarness, waitFor } from '../app/app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from '../app/fake-github.ts';
import { sendDelivery } from '../app/signed-delivery.ts';
import { deploymentSucceeded, releasePublished, sha, workflowRunCompleted } from '../kpi/deliveries.ts';
import { findDelivery } from '../store/find-delivery.ts';
import { keptFacts } from '../store/kept-facts.ts';
import { type PostgresServer, usePostgres } from '../support/postgres.ts';

const REPOS = ['acme/api', 'acme/web', 'acme/jobs'];
const RELEASES_PER_REPO = 20;
const TOTAL = 3_000;
const SENDERS = 16;

let postgres: PostgresServer;
let github: FakeGitHub;
const replicas: Harness[] = [];

beforeAll(async () => {
  postgres = await usePostgres();
  const admin = new pg.Pool({ connectionString: postgres.url, max: 1 });
  await admin.query('CREATE DATABASE replicas_load');
  await admin.end();
  github = await startFakeGitHub();
  github.latency = 20;
  const databaseUrl = postgres.url.replace(/\/[^/]*$/, '/replicas_load');
  const timing = { pollInterval: 100, redeliveryInterval: 0 };
  replicas.push(
    ...(await Promise.all([
      startHarness({ github, databaseUrl, timing }),
      startHarness({ github, databaseUrl, timing }),
    ])),
  );
});
afterAll(async () => {
  for (const replica of replicas) await replica.stop();
  await github?.close();
  await postgres?.stop();
});

function workload(): WebhookDelivery[] {
  const recent = Date.now() - 6 * 3_600_000;
  const iso = (t: number) => new Date(t).toISOString();
  const all: WebhookDelivery[] = [];
  for (const repo of REPOS) {
    for (let i = 0; i < RELEASES_PER_REPO; i++) {
      const release = releasePublished({
        repo,
        tag: `v${i}.0.0`,
        publishedAt: iso(recent + i * 60_000),
        commit: sha(`${repo}@${i}`),
      });
      (release.payload as Record<string, unknown>).installation = { id: 42 };
      all.push(release);
    }
  }
  for (let n = 0; all.length < TOTAL; n++) {
    const repo = REPOS[n % REPOS.length]!;
    const commit = sha(`${repo}@${n % RELEASES_PER_REPO}`);
    all.push(
      n % 2 === 0
        ? workflowRunCompleted({ repo, runId: 7_000_000 + n, commit, startedAt: iso(recent + n * 1_000) })
        : deploymentSucceeded({
            repo,
            deploymentId: 8_000_000 + n,
            commit,
            createdAt: iso(recent + n * 1_000),
            succeededAt: iso(recent + n * 1_000 + 60_000),
          }),
    );
  }
  return all;
}

describe('two replicas on one PostgreSQL under load', () => {
  it('no double publish, no lost event', async () => {
    const deliveries = workload();
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < deliveries.length) {
          const i = next++;
          const d = deliveries[i]!;
          const targets = i % 3 === 0 ? replicas : [replicas[i % 2]!];
          for (const replica of targets) {
            const response = await sendDelivery({
              url: replica.webhookUrl,
              id: d.id,
              name: d.name,
              payload: d.payload,
              secret: SECRET,
            });
            await response.arrayBuffer();
            statuses.push(response.status);
          }
        }
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);

    const store = replicas[0]!.app.store;
    const releases = REPOS.length * RELEASES_PER_REPO;
    await waitFor(
      'the queue drained and every verdict published',
      async () => {
        const health = await store.health();
        const published = new Set(github.checkRuns.filter((r) => r.name === 'Shipwell KPIs').map((r) => r.head_sha));
        return (
          health.pending === 0 &&
          health.failed === 0 &&
          health.dirtyRepos === 0 &&
          health.verdictsToPublish === 0 &&
          published.size === releases
        );
      },
      180_000,
    );
    // nothing lost, nothing doubled
    const expected: Fact[] = [];
    for (const d of deliveries) {
      const stored = await findDelivery(store, d.id);
      expect(stored, d.id).toMatchObject({ status: 'processed', processCount: 1 });
      expected.push(...(normalizeDelivery({ ...d, at: stored!.at ?? undefined }).facts ?? []));
    }
    // each content once with its least and greatest origin, only deciding repo-info facts (keptFacts)
    const key = (f: Fact) => `${factContentKey(f)} ${f.origin}`;
    const facts = (await Promise.all(REPOS.map((repo) => store.facts.read({ repo })))).flat();
    expect(facts.map(key).sort()).toEqual(keptFacts(expected).map(key).sort());
    // each verdict published once: one check run created per release commit
    const created = github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/check-runs'));
    expect(created).toHaveLength(releases);
    expect(github.checkRuns.filter((r) => r.name === 'Shipwell KPIs')).toHaveLength(releases);
  }, 300_000);
});
