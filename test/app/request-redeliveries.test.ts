// When the App asks GitHub again for a delivery it does not have: an hour
// after its last request, or sooner once GitHub's delivery log shows that the
// redelivery it asked for failed as well (the App was down, its database
// away) — never within a minute of its last request. GitHub's API by nock, a
// real store.
import { DatabaseSync } from 'node:sqlite';
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestRedeliveries } from '../../app/jobs/request-redeliveries.ts';
import type { JobHelpers } from '../../app/types.ts';
import { applyMigrations, createStore, openSqlite, type Store } from '../../src/store/index.ts';
import { HOUR, MINUTE } from '../../src/time/index.ts';

const API = 'https://api.github.com';
const T0 = Date.parse('2026-03-01T12:00:00Z');

interface HookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  status_code: number;
}

let store: Store;
/** GitHub's delivery log, newest first, as the tests make it. */
let log: HookDelivery[];
let asked: number[];

beforeEach(async () => {
  const db = openSqlite({ database: new DatabaseSync(':memory:') });
  await applyMigrations({ db, now: 0 });
  store = createStore({ db });
  log = [];
  asked = [];
  const github = nock(API)
    .persist()
    .get('/app/hook/deliveries')
    .query(true)
    .reply(200, () => log);
  for (const id of [1, 2, 3]) {
    github.post(`/app/hook/deliveries/${id}/attempts`).reply(202, () => {
      asked.push(id);
      return {};
    });
  }
});
afterEach(async () => {
  nock.cleanAll();
  await store.close();
});

const Octokit = ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } });

function deps(now: number): { store: Store; helpers: JobHelpers } {
  const octokit = new Octokit({ auth: 'app-jwt' });
  return {
    store,
    helpers: {
      clock: () => now,
      log: { info: () => undefined, error: () => undefined } as unknown as JobHelpers['log'],
      worker: 'test',
      github: { app: async () => octokit, installation: async () => octokit },
      githubUrl: 'https://github.com',
      publicUrl: null,
    },
  };
}

function attempt(id: number, guid: string, at: number, status = 502): HookDelivery {
  return { id, guid, delivered_at: new Date(at).toISOString(), status_code: status };
}

describe('requestRedeliveries', () => {
  it('asks again as soon as the redelivery it asked for failed, but not within a minute, else hourly', async () => {
    log = [attempt(1, 'g-1', T0 - 10 * MINUTE)];
    expect(await requestRedeliveries(deps(T0))).toEqual(['g-1']);
    expect(asked).toEqual([1]);

    // nothing new in GitHub's log: the request stands for an hour
    expect(await requestRedeliveries(deps(T0 + 2 * MINUTE))).toEqual([]);

    // GitHub redelivered it and that failed too (the App was down): ask again at the next scan
    log = [attempt(2, 'g-1', T0 + 3 * MINUTE), ...log];
    expect(await requestRedeliveries(deps(T0 + 3 * MINUTE + 30_000))).toEqual(['g-1']);
    expect(asked).toEqual([1, 2]);

    // that failed attempt came before this request: wait again
    expect(await requestRedeliveries(deps(T0 + 5 * MINUTE))).toEqual([]);
    // an hour after the last request, ask whatever the log says
    expect(await requestRedeliveries(deps(T0 + 3 * MINUTE + 30_000 + HOUR))).toEqual(['g-1']);
    expect(asked).toEqual([1, 2, 2]);
  });

  it('never asks twice within a minute, even when GitHub stamps a failure after the request (clocks differ)', async () => {
    log = [attempt(1, 'g-2', T0 + 5 * MINUTE)]; // GitHub's clock ahead of ours
    expect(await requestRedeliveries(deps(T0))).toEqual(['g-2']);
    expect(await requestRedeliveries(deps(T0 + 30_000))).toEqual([]);
    expect(await requestRedeliveries(deps(T0 + MINUTE))).toEqual(['g-2']);
  });

  it('asks for nothing it has stored or that GitHub delivered', async () => {
    await store.inbox.record({
      id: 'stored',
      name: 'ping',
      at: new Date(T0).toISOString(),
      payloadText: '{}',
      receivedAt: T0,
    });
    log = [
      attempt(3, 'delivered', T0 - MINUTE, 200),
      attempt(2, 'delivered', T0 - 2 * MINUTE),
      attempt(1, 'stored', T0),
    ];
    expect(await requestRedeliveries(deps(T0))).toEqual([]);
    expect(asked).toEqual([]);
  });
});
