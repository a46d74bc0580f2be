// Crash test: the real `npm start` process (node app/index.ts) is killed with
// SIGKILL while deliveries are arriving and being processed; a new process on
// the same database must process every acknowledged delivery exactly once.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fact, normalizeDelivery } from '../../src/events/index.ts';
import { factContentKey } from '../../src/kpi/index.ts';
import { createFactLog } from '../../src/store/create-fact-log.ts';
import { openSqlite } from '../../src/store/index.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { countLanded } from '../store/find-delivery.ts';
import { keptFacts } from '../store/kept-facts.ts';
import { SECRET, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sendDelivery } from './signed-delivery.ts';
import { startChild, stopChild } from './start-child.ts';

const COUNT = 400;

let github: FakeGitHub;
let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  github = await startFakeGitHub();
  github.latency = 50;
  dir = mkdtempSync(join(tmpdir(), 'shipwell-crash-'));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await github?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Every 40th delivery is an installation whose repositories must be listed
 * through the (slow) API: processing lags behind acknowledging, so the kill
 * always finds stored, unprocessed work (the child's Octokit throttles
 * writes, token requests included, to about one a second).
 */
function crashDelivery(i: number): { id: string; name: string; payload: Record<string, unknown> } {
  const id = `crash-${String(i).padStart(4, '0')}`;
  if (i % 40 === 0) {
    return {
      id,
      name: 'installation',
      payload: loadWebhook('installation.created', { installation: { id: 10_000 + i }, repositories: undefined }),
    };
  }
  return {
    id,
    name: 'workflow_run',
    payload: loadWebhook('workflow_run.completed', { workflow_run: { id: 5_000_000 + i, run_attempt: 1 } }),
  };
}

/** Deliveries the App holds unprocessed, as its /healthz says (0 when it does not answer). */
async function pendingNow(port: number): Promise<number> {
  try {
    const body = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { queue: { pending: number } };
    return body.queue.pending;
  } catch {
    return 0;
  }
}

describe('crash recovery (SIGKILL of npm start)', () => {
  it('processes every acknowledged delivery exactly once after a restart', async () => {
    const file = join(dir, 'crash.db');
    const first = await startChild({ github, databaseUrl: `sqlite:${file}` });
    children.push(first.child);
    const url = `http://127.0.0.1:${first.port}/api/github/webhooks`;
    const acknowledged: string[] = [];
    let killed = false;
    let next = 0;
    const sender = async () => {
      while (next < COUNT && !killed) {
        const { id, name, payload } = crashDelivery(next++);
        try {
          const response = await sendDelivery({ url, id, name, payload, secret: SECRET });
          if (response.status === 200) acknowledged.push(id);
        } catch {
          // the process died mid-request: not acknowledged, GitHub would list it as failed
        }
        // killed once half is acknowledged and work waits (on a busy machine processing can keep up for a while)
        if (acknowledged.length >= COUNT / 2 && !killed && (await pendingNow(first.port)) >= 5 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, sender));
    await new Promise<void>((resolve) =>
      first.child.exitCode !== null || first.child.signalCode ? resolve() : first.child.once('exit', () => resolve()),
    );
    expect(first.child.signalCode).toBe('SIGKILL');

    const atKill = new DatabaseSync(file);
    const counts = atKill.prepare('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status').all() as {
      status: string;
      n: number;
    }[];
    atKill.close();
    // what still waits in the inbox file is unprocessed too (docs/architecture.md, "The inbox file")
    const unprocessedAtKill =
      counts.filter((c) => c.status !== 'processed').reduce((sum, c) => sum + c.n, 0) + countLanded(file);
    // the crash hit work in flight: acknowledged deliveries were stored but not processed yet
    expect(unprocessedAtKill).toBeGreaterThan(0);

    const second = await startChild({ github, databaseUrl: `sqlite:${file}` });
    children.push(second.child);
    const health = `http://127.0.0.1:${second.port}/healthz`;
    await waitFor(
      'the queue to drain after restart',
      async () => {
        const body = (await (await fetch(health)).json()) as { queue: { pending: number; failed: number } };
        return body.queue.pending === 0 && body.queue.failed === 0;
      },
      60_000,
    );
    await stopChild(second.child);

    const db = new DatabaseSync(file);
    const rows = db.prepare('SELECT id, status, process_count FROM deliveries').all() as {
      id: string;
      status: string;
      process_count: number;
    }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(acknowledged.length).toBeGreaterThanOrEqual(COUNT / 2);
    for (const id of acknowledged) expect(byId.get(id), id).toMatchObject({ status: 'processed', process_count: 1 });
    expect(rows.every((r) => r.status === 'processed' && r.process_count === 1)).toBe(true);
    // and their facts are exactly the facts the core makes of the stored deliveries, once each
    // read as the App reads them: each content once with its least and greatest origin (keptFacts)
    const log = createFactLog({ q: openSqlite({ database: db }), dialect: 'sqlite' });
    const key = (f: Fact) => `${factContentKey(f)} ${f.origin}`;
    const stored = (await log.read({ org: 'Codertocat' })).map(key);
    const raw = db
      .prepare(
        'SELECT d.id, d.name, p.payload, d.delivered_at FROM deliveries d JOIN delivery_payloads p ON p.id = d.id',
      )
      .all() as {
      id: string;
      name: string;
      payload: string;
      delivered_at: string;
    }[];
    const expected = raw.flatMap(
      (r) =>
        normalizeDelivery({ id: r.id, name: r.name, payload: JSON.parse(r.payload), at: r.delivered_at }).facts ?? [],
    );
    expect(stored.sort()).toEqual(keptFacts(expected).map(key).sort());
    db.close();
  }, 90_000);
});
