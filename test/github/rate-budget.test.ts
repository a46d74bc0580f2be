// useRateBudget and useConditionalRequests against the fake's rate-limit
// accounting: a spent budget is waited for until the announced reset (or
// deferred), a secondary limit waits retry-after, and a 304 costs nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { BudgetExhaustedError, createOctokit, useConditionalRequests, useRateBudget } from '../../src/github/index.ts';
import { emptyRepo, type FakeGitHub, startFakeGitHub } from './fake-github.ts';

const T0 = Date.parse('2026-11-20T12:00:00Z');

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

function client(url: string) {
  return createOctokit({ auth: 'ghs_1', baseUrl: url, fetch: globalThis.fetch, retries: false, throttle: false });
}

describe('useRateBudget', () => {
  it('waits for the reset the headers announce once the budget is spent, without sending a refused request', async () => {
    let now = T0;
    fake = await startFakeGitHub(emptyRepo('acme', 'api'), { limits: { core: 2, graphql: 10 }, clock: () => now });
    const octokit = client(fake.url);
    const waits: number[] = [];
    const budget = useRateBudget({
      octokit,
      clock: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      mode: 'wait',
      onWait: ({ until }) => waits.push(until),
    });
    for (let i = 0; i < 3; i++) await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'api' });
    expect(waits).toEqual([T0 + 3_600_000]);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(budget.spent().requests).toBe(3);
    expect(budget.state('core')).toMatchObject({ remaining: 1 });
  });

  it('defers with the reset when asked to, and waits out a secondary limit', async () => {
    fake = await startFakeGitHub(emptyRepo('acme', 'api'), { limits: { core: 1, graphql: 10 }, clock: () => T0 });
    const deferring = client(fake.url);
    useRateBudget({ octokit: deferring, clock: () => T0, sleep: async () => {}, mode: 'defer' });
    await deferring.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'api' });
    const refused = await deferring
      .request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'api' })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(BudgetExhaustedError);
    expect(refused.resetAt).toBe(T0 + 3_600_000);

    const other = await startFakeGitHub(emptyRepo('acme', 'api'));
    try {
      other.secondaryLimit({ count: 2, status: 429, retryAfter: 7 });
      const octokit = client(other.url);
      const slept: number[] = [];
      useRateBudget({ octokit, clock: Date.now, sleep: async (ms) => void slept.push(ms), mode: 'defer' });
      await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'api' });
      expect(slept).toEqual([7000, 7000]);
      expect(other.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    } finally {
      await other.close();
    }
  });
});

describe('useConditionalRequests', () => {
  it('re-reads with If-None-Match: the 304 is answered from the cache and costs no budget', async () => {
    fake = await startFakeGitHub(emptyRepo('acme', 'api'));
    const octokit = client(fake.url);
    const budget = useRateBudget({ octokit, clock: Date.now, sleep: async () => {}, mode: 'wait' });
    useConditionalRequests({ octokit, cache: new Map() });
    const first = await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'api' });
    const second = await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'api' });
    expect(second.data).toEqual(first.data);
    expect(fake.requests.map((r) => [r.status, r.cost])).toEqual([
      [200, 1],
      [304, 0],
    ]);
    expect(budget.spent()).toEqual({ requests: 1, points: 0, notModified: 1 });
    expect(fake.rateLimits.state({ token: 'ghs_1', resource: 'core' }).used).toBe(1);
  });
});
