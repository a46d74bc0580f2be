// The App's ingestion path end to end (Probot's verifier, our webhook door,
// a real SQLite file, the worker inline or on its thread): a signed delivery
// that is not JSON is acknowledged, then fails visibly with why, and does not
// hold up the delivery after it; where the worker may run is checked at start.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../app/start-app.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { findDelivery } from '../store/find-delivery.ts';
import { appEnv, QuietOctokit, SECRET, TOKEN, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sendDelivery, sendSignedText, sign } from './signed-delivery.ts';

const INSTALLATION = { id: 42 };
const TIMING = { pollInterval: 50, redeliveryInterval: 60_000 };

let github: FakeGitHub;
beforeAll(async () => {
  github = await startFakeGitHub();
});
afterAll(async () => {
  await github?.close();
});

/** Posts `body` exactly as given, signed with the App's secret, the way GitHub does. */
function postText({ url, id, name, body }: { url: string; id: string; name: string; body: string }) {
  return sendSignedText({ url, id, name, body, secret: SECRET });
}

interface ListedDelivery {
  id: string;
  status: string;
  lastError: string | null;
  attempts: number;
  nextAttemptAt: string | null;
}

describe.each(['inline', 'thread'] as const)('the App ingesting with worker %s (SQLite file)', (worker) => {
  let app: RunningApp;
  let dir: string;
  const url = (path: string) => `http://127.0.0.1:${app.port}${path}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shipwell-ingest-'));
    app = await startApp({
      env: appEnv({ github, databaseUrl: `sqlite:${join(dir, 'app.db')}`, token: TOKEN }),
      Octokit: QuietOctokit,
      timing: TIMING,
      worker,
    });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('acknowledges a signed body that starts with { but is not JSON, then shows it failed with why; the next delivery is processed', async () => {
    const broken = `{"action": "published", "installation": {"id": 42}, oops-${worker}`;
    const acked = await postText({
      url: url('/api/github/webhooks'),
      id: `not-json-${worker}`,
      name: 'release',
      body: broken,
    });
    expect(acked.status).toBe(200);
    const good = loadWebhook('release.published', {
      release: { tag_name: `v1.0.0-${worker}` },
      installation: INSTALLATION,
    });
    const next = await sendDelivery({
      url: url('/api/github/webhooks'),
      id: `good-after-${worker}`,
      name: 'release',
      payload: good,
      secret: SECRET,
    });
    expect(next.status).toBe(200);

    const failed = await waitFor('the unreadable delivery failed', async () =>
      (await app.store.log.list({ status: 'failed', limit: 100 })).find((d) => d.id === `not-json-${worker}`),
    );
    expect(failed.lastError).toMatch(/^payload is not valid JSON: \S/);
    expect(failed.attempts).toBe(1);
    expect(failed.nextAttemptAt).toBeGreaterThan(Date.now());

    const processed = await waitFor('the good delivery processed', async () => {
      const stored = await findDelivery(app.store, `good-after-${worker}`);
      return stored?.status === 'processed' ? stored : undefined;
    });
    expect(processed).toMatchObject({ processCount: 1, lastError: null, location: { repo: 'Codertocat/Hello-World' } });
    const facts = await app.store.facts.read({ repo: 'Codertocat/Hello-World' });
    expect(facts.some((f) => f.type === 'release' && (f as { tag?: string }).tag === `v1.0.0-${worker}`)).toBe(true);

    // the API shows it, with its error, for people to look at
    const response = await fetch(url('/shipwell/api/deliveries?status=failed'), {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    const listed = ((await response.json()) as ListedDelivery[]).find((d) => d.id === `not-json-${worker}`);
    expect(listed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(listed?.lastError).toMatch(/payload is not valid JSON/);
    expect(Date.parse(listed?.nextAttemptAt ?? '')).toBeGreaterThan(Date.now());
    // still failed, not processed, and only the one failed
    expect((await findDelivery(app.store, `not-json-${worker}`))?.status).toBe('failed');
    expect((await app.store.log.list({ status: 'failed', limit: 100 })).map((d) => d.id)).toEqual([
      `not-json-${worker}`,
    ]);
  });

  it('refuses what it cannot take and stores none of it', async () => {
    const body = JSON.stringify(loadWebhook('release.published', { installation: INSTALLATION }));
    const bad = await fetch(url('/api/github/webhooks'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'release',
        'x-github-delivery': `bad-sig-${worker}`,
        'x-hub-signature-256': sign({ body, secret: 'another-secret' }),
      },
      body,
    });
    expect(bad.status).toBe(401);
    const array = '[1, 2, 3]';
    const notObject = await postText({
      url: url('/api/github/webhooks'),
      id: `array-${worker}`,
      name: 'release',
      body: array,
    });
    expect(notObject.status).toBe(400);
    expect(await app.store.redeliveries.storedIds({ ids: [`bad-sig-${worker}`, `array-${worker}`] })).toEqual(
      new Set(),
    );
  });
});

describe('where the worker may run', () => {
  it("worker 'thread' on an in-memory SQLite database is refused at start, saying why", async () => {
    await expect(
      startApp({
        env: appEnv({ github, databaseUrl: 'sqlite::memory:' }),
        Octokit: QuietOctokit,
        timing: TIMING,
        worker: 'thread',
      }),
    ).rejects.toThrow(/an in-memory SQLite database is one connection's; the App's threads need a file or PostgreSQL/);
  });

  it("'inline' on an in-memory SQLite database: it starts, stores and processes", async () => {
    const app = await startApp({
      env: appEnv({ github, databaseUrl: 'sqlite::memory:' }),
      Octokit: QuietOctokit,
      timing: TIMING,
      worker: 'inline',
    });
    try {
      const sent = await sendDelivery({
        url: `http://127.0.0.1:${app.port}/api/github/webhooks`,
        id: 'memory-1',
        name: 'release',
        payload: loadWebhook('release.published', { installation: INSTALLATION }),
        secret: SECRET,
      });
      expect(sent.status).toBe(200);
      await waitFor(
        'the delivery processed',
        async () => (await findDelivery(app.store, 'memory-1'))?.status === 'processed',
      );
    } finally {
      await app.stop();
    }
  });
});

describe('the queue counts on the reader thread (/healthz, /metrics)', () => {
  it('count a delivery that waits in the inbox file as pending, and as queue depth', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipwell-health-'));
    // the worker looks once at start, then not for a minute: what lands afterwards waits
    const app = await startApp({
      env: appEnv({ github, databaseUrl: `sqlite:${join(dir, 'app.db')}`, token: TOKEN }),
      Octokit: QuietOctokit,
      timing: { pollInterval: 60_000, redeliveryInterval: 0 },
      worker: 'thread',
    });
    try {
      const receivedAt = Date.parse('2026-05-04T10:00:00Z');
      expect(
        await app.store.inbox.record({
          id: 'waiting-1',
          name: 'release',
          at: new Date(receivedAt).toISOString(),
          payloadText: JSON.stringify(loadWebhook('release.published', { installation: INSTALLATION })),
          receivedAt,
        }),
      ).toBe(true);
      const health = (await (await fetch(`http://127.0.0.1:${app.port}/healthz`)).json()) as {
        status: string;
        queue: { pending: number; oldestPendingAt: string | null };
      };
      expect(health).toMatchObject({
        status: 'ok',
        queue: { pending: 1, oldestPendingAt: '2026-05-04T10:00:00.000Z' },
      });
      const metrics = await fetch(`http://127.0.0.1:${app.port}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/^shipwell_app_queue_depth 1$/m);
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
