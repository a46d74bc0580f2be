// The App's backfill through a spent rate limit and a restart (docs/app.md,
// "The first hour"): the recent window of every repository first, then the
// rest; when the installation's budget runs out its jobs wait for the reset
// GitHub announced (the progress says until when), and a new process on the
// same database resumes where the first stopped, reading nothing twice.
// Then the facts give the same report as collecting the org in one go.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Logger } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { backfillRepos } from '../../app/jobs/backfill-repos.ts';
import type { AppOctokit, JobHelpers } from '../../app/types.ts';
import { defaultConfig } from '../../src/config/index.ts';
import { createOctokit } from '../../src/github/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import { applyMigrations, createStore, openSqlite, type Store } from '../../src/store/index.ts';
import { collectWholeOrg } from '../github/collect-whole-org.ts';
import { type FakeGitHub, startFakeGitHub } from '../github/fake-github.ts';
import { makeSyntheticOrg } from '../github/make-synthetic-org.ts';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const INSTALLATION = 42;

let fake: FakeGitHub | null = null;
let dir: string | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

async function openStore(path: string): Promise<Store> {
  const db = openSqlite({ database: new DatabaseSync(path) });
  await applyMigrations({ db, now: 0 });
  return createStore({ db });
}

function capturingLog() {
  const lines: string[] = [];
  const log = {
    info: (_fields: unknown, message: string) => lines.push(message),
    warn: () => {},
    debug: () => {},
    error: () => {},
  } as unknown as Logger;
  return { lines, log };
}

/** One App process: the backfill job run until it finds nothing to claim (batches of 3 repositories). */
async function runBackfill({
  store,
  url,
  clock,
  worker,
}: {
  store: Store;
  url: string;
  clock: () => number;
  worker: string;
}) {
  const { lines, log } = capturingLog();
  const helpers: JobHelpers = {
    github: {
      installation: async () =>
        createOctokit({
          auth: `ghs_${INSTALLATION}`,
          baseUrl: url,
          fetch: globalThis.fetch,
          retries: false,
          throttle: false,
        }) as unknown as AppOctokit,
      app: async () => {
        throw new Error('not used');
      },
    },
    githubUrl: 'https://github.com',
    publicUrl: null,
    log,
    clock,
    worker,
  };
  const job = backfillRepos({ store, helpers, onEvaluationRequested: () => {} });
  for (;;) {
    const claimed = await job.claim(3);
    if (claimed.length === 0) break;
    await job.perform(claimed);
  }
  return lines;
}

describe('the App backfill through a spent budget and a restart', () => {
  it('waits for the reset, shows how far it got, resumes after a restart and reads nothing twice', async () => {
    let now = T0;
    const clock = () => now;
    const repos = makeSyntheticOrg({ repos: 8, now: T0 });
    // a small budget: it runs out in the middle of the first pass
    fake = await startFakeGitHub(repos, { limits: { core: 30, graphql: 1000 }, clock });
    dir = await mkdtemp(join(tmpdir(), 'shipwell-backfill-'));
    const path = join(dir, 'app.db');

    const first = await openStore(path);
    for (const repo of repos)
      await first.backfills.enqueue({ repo: `acme/${repo.name}`, installationId: INSTALLATION, now });
    const before = await runBackfill({ store: first, url: fake.url, clock, worker: 'first' });
    const stopped = await first.backfills.count({ installationId: INSTALLATION });
    expect(stopped.waitingUntil).toBe(T0 + 3_600_000);
    expect(stopped.done).toBeLessThan(8);
    expect(stopped.requests).toBeGreaterThan(0);
    expect(before.some((line) => /rate limit is spent until 2026-11-20T13:00:00/.test(line))).toBe(true);

    // a restart after the reset: another process, the same database
    now = T0 + 3_600_000 + 1_000;
    const second = await openStore(path);
    let rounds = 0;
    const after: string[] = [];
    for (; rounds < 10; rounds++) {
      after.push(...(await runBackfill({ store: second, url: fake.url, clock, worker: `second-${rounds}` })));
      const counts = await second.backfills.count({ installationId: INSTALLATION });
      if (counts.done === 8) break;
      now = Math.max(now, counts.waitingUntil ?? now) + 1_000;
    }
    const finished = await second.backfills.count({ installationId: INSTALLATION });
    expect(finished).toMatchObject({ total: 8, done: 8, recentDone: 8, waitingUntil: null });
    expect(finished.partialAt).not.toBeNull();

    // nothing kept is read again: a pass committed is never repeated; only the one repository being read when
    // the budget ran out is read again from its start (GraphQL batches aside, which GitHub prices per query)
    const interruptions = [...before, ...after].filter((line) => /rate limit is spent until/.test(line)).length;
    expect(interruptions).toBeGreaterThanOrEqual(2);
    const reads = fake.requests
      .filter(
        (r) =>
          r.status === 200 && r.resource === 'core' && r.path.startsWith('/repos/') && !r.path.includes('/contents/'),
      )
      .map((r) => `${r.path}?${r.query.toString()}`);
    expect(reads.length).toBeGreaterThan(10);
    const again = new Set(
      reads.filter((r, i) => reads.indexOf(r) !== i).map((r) => r.split('/').slice(0, 4).join('/')),
    );
    expect(again.size).toBeLessThanOrEqual(interruptions);
    expect(
      before.some((line) => /backfill of installation 42: .*rate limit spent: waiting until 13:00 UTC/.test(line)),
    ).toBe(true);

    // the same report as the org collected in one go
    const config = defaultConfig();
    const oneGo = await startFakeGitHub(makeSyntheticOrg({ repos: 8, now: T0 }));
    try {
      const direct = await collectWholeOrg({ url: oneGo.url, now: T0 });
      const stored = (await Promise.all(repos.map((r) => second.facts.read({ repo: `acme/${r.name}` })))).flat();
      expect(computeReport({ facts: stored, config, now: T0 })).toEqual(
        computeReport({ facts: direct.facts, config, now: T0 }),
      );
    } finally {
      await oneGo.close();
    }
  });
});
