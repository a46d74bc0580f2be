// The App's backfill says where it stands in its log (docs/app.md,
// "Operations"): per installation, repositories done, requests, the rate
// limit left and the time to go, at most every interval, and when done.
import { DatabaseSync } from 'node:sqlite';
import type { Logger } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackfillProgress } from '../../app/create-backfill-progress.ts';
import { createOctokit } from '../../src/github/index.ts';
import { applyMigrations, createStore, openSqlite, type Store } from '../../src/store/index.ts';
import { type FakeOrg, startFakeOrg } from '../cli/fake-org.ts';

let fake: FakeOrg | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

function capturingLog() {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  const info = (fields: Record<string, unknown>, message: string) => lines.push({ fields, message });
  return { lines, log: { info, debug: () => {}, warn: () => {}, error: () => {} } as unknown as Logger };
}

async function storeWith(repos: string[]): Promise<Store> {
  const db = openSqlite({ database: new DatabaseSync(':memory:') });
  await applyMigrations({ db, now: 0 });
  const store = createStore({ db });
  for (const repo of repos) await store.backfills.enqueue({ repo, installationId: 7, now: 0 });
  return store;
}

describe('createBackfillProgress', () => {
  it('logs repositories done, requests, rate limit left and time to go per installation, then its end', async () => {
    const repos = ['acme/api', 'acme/ios', 'acme/web']; // in the order they are claimed
    fake = await startFakeOrg({ org: 'acme', repos: ['api', 'ios', 'web'] });
    const store = await storeWith(repos);
    let now = Date.parse('2026-03-20T12:00:00Z');
    const { lines, log } = capturingLog();
    const progress = createBackfillProgress({ log, clock: () => now, store, interval: 30_000 });
    for (const repo of repos) {
      const [job] = await store.backfills.claim({ worker: 'w', now: 0, lease: 60_000, limit: 1 });
      expect(job?.repo).toBe(repo);
      const octokit = createOctokit({ baseUrl: fake.url, fetch: globalThis.fetch, retries: false, throttle: false });
      const watched = await progress.watch({ job: job!, octokit });
      await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: repo.slice(5) });
      now += 40_000; // a slow repository: the next answer is logged
      await octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'acme', repo: repo.slice(5) });
      await octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'acme', repo: repo.slice(5) });
      expect(await store.backfills.complete({ repo, worker: 'w', now: 0 })).toBe(true);
      await watched.finished({ done: true });
    }
    expect(lines.map((line) => line.message)).toEqual([
      'backfill of installation 7: 0/3 repositories, 2 requests, rate limit 4,998 left (now acme/api)',
      'backfill of installation 7: 1/3 repositories, 5 requests, rate limit 4,995 left, about 3 min to go (now acme/ios)',
      'backfill of installation 7: 2/3 repositories, 8 requests, rate limit 4,992 left, about 1 min to go (now acme/web)',
      'backfill of installation 7 complete: 3 repositories (3 here, 9 requests)',
    ]);
    expect(lines[1]!.fields).toEqual({
      installation: 7,
      repo: 'acme/ios',
      reposDone: 1,
      reposLeft: 3,
      requests: 5,
      rateLimitRemaining: 4995,
      remainingSeconds: 160, // 80 s for one repository, two left
    });
  });

  it('counts from what is left when it first sees the installation, and not a failed repository', async () => {
    fake = await startFakeOrg({ org: 'acme', repos: ['a', 'b', 'c'] });
    const store = await storeWith(['acme/a', 'acme/b', 'acme/c']);
    const [first] = await store.backfills.claim({ worker: 'earlier', now: 0, lease: 60_000, limit: 1 });
    await store.backfills.complete({ repo: first!.repo, worker: 'earlier', now: 0 });
    let now = 0;
    const { lines, log } = capturingLog();
    const progress = createBackfillProgress({ log, clock: () => now, store, interval: 1 });
    const [job] = await store.backfills.claim({ worker: 'w', now: 0, lease: 60_000, limit: 1 });
    const octokit = createOctokit({ baseUrl: fake.url, fetch: globalThis.fetch, retries: false, throttle: false });
    const watched = await progress.watch({ job: job!, octokit });
    now += 5;
    await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'b' });
    await watched.finished({ done: false });
    expect(lines.map((line) => line.message)).toEqual([
      'backfill of installation 7: 0/2 repositories, 1 request, rate limit 4,999 left (now acme/b)',
    ]);
  });
});
