// When committing a batch of processed deliveries fails as a whole, the worker
// commits them one at a time and marks only the one that still fails
// (docs/security.md, "One bad delivery holding the others"). The database
// refuses one delivery's fact for real: an SQLite trigger stands for any
// storage error a batch can meet (on PostgreSQL, a NUL or an oversized key).
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { startJobs, type Worker } from '../../app/jobs/start-jobs.ts';
import type { JobHelpers } from '../../app/types.ts';
import { applyMigrations, createStore, openSqlite } from '../../src/store/index.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { waitFor } from './app-harness.ts';

const T0 = Date.parse('2026-03-01T12:00:00Z');

let worker: Worker | null = null;
afterEach(async () => {
  await worker?.stop();
  worker = null;
});

describe('a batch whose commit fails', () => {
  it('is committed one delivery at a time; only the culprit fails, with its error', async () => {
    const db = openSqlite({ database: new DatabaseSync(':memory:') });
    await applyMigrations({ db, now: T0 });
    await db.query(
      `CREATE TRIGGER refuse_poison BEFORE INSERT ON fact_rows WHEN NEW.body LIKE '%poison%'
       BEGIN SELECT RAISE(ABORT, 'this fact cannot be stored'); END`,
    );
    const store = createStore({ db });
    const tags = ['v1.0.0', 'v2.0.0-poison', 'v3.0.0'];
    await Promise.all(
      tags.map((tag, i) =>
        store.inbox.record({
          id: `d-${i}`,
          name: 'release',
          at: new Date(T0).toISOString(),
          payloadText: JSON.stringify(loadWebhook('release.published', { release: { tag_name: tag, name: tag } })),
          receivedAt: T0 + i,
        }),
      ),
    );
    const refuse = () => Promise.reject(new Error('no GitHub in this test'));
    const helpers: JobHelpers = {
      clock: () => T0 + 60_000,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as JobHelpers['log'],
      worker: 'w',
      github: { installation: refuse, app: refuse },
      githubUrl: 'https://github.com',
      publicUrl: null,
    };
    worker = startJobs({ store, helpers, timing: { pollInterval: 20, redeliveryInterval: 0 } });
    const settled = await waitFor('every delivery processed or failed', async () => {
      const all = await store.log.list({ limit: 10 });
      return all.every((d) => d.status !== 'pending') ? all : null;
    });
    expect(settled.map((d) => [d.id, d.status])).toEqual([
      ['d-0', 'processed'],
      ['d-1', 'failed'],
      ['d-2', 'processed'],
    ]);
    expect(settled[1]!.lastError).toMatch(/^storing its facts failed: .*this fact cannot be stored/);
    expect((await store.health()).failed).toBe(1);
    const stored = (await store.facts.read({ repo: 'Codertocat/Hello-World' }))
      .filter((f) => f.type === 'release')
      .map((f) => (f as { tag: string }).tag);
    expect(stored.sort()).toEqual(['v1.0.0', 'v3.0.0']);
  });
});
