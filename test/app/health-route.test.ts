// /healthz is open to anyone (load balancers): with the database gone it
// answers 503 without the database's error text (issue #12).
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { createRouter, healthRoute } from '../../app/routes/index.ts';
import { applyMigrations, createStore, openSqlite } from '../../src/store/index.ts';

describe('/healthz', () => {
  it('says the database is down, and nothing of why, to anonymous callers', async () => {
    const db = openSqlite({ database: new DatabaseSync(':memory:') });
    await applyMigrations({ db, now: 0 });
    const store = createStore({ db });
    await store.close(); // every query now fails with the driver's message
    const error = await store.health().then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).toBeTruthy();
    const router = createRouter({ routes: [healthRoute({ store, clock: () => 0 })], token: 'secret-token' });
    let status = 0;
    let text = '';
    const response = {
      setHeader: () => undefined,
      writeHead(code: number) {
        status = code;
        return this;
      },
      end(body: string) {
        text = body;
      },
    };
    await router({ url: '/healthz', method: 'GET', headers: {} } as never, response as never);
    expect(status).toBe(503);
    expect(JSON.parse(text)).toEqual({ status: 'down', database: { kind: 'sqlite', ok: false } });
    expect(text).not.toContain(error!);
  });
});
