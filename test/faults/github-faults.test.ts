// GitHub API faults on publish (issue #7): the real App process (Probot's
// default Octokit: retries and throttling on, the App's request timeout)
// publishes verdicts while GitHub answers check-run and release writes with
// 500s, secondary rate limits (403 + retry-after) and one request that is
// never answered (a timeout). Every verdict is published at last, each check
// run created once, every release body updated; nothing is lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, SECRET, waitFor } from '../app/app-harness.ts';
import { type FakeFault, type FakeGitHub, startFakeGitHub } from '../app/fake-github.ts';
import { sendDelivery } from '../app/signed-delivery.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { type AppProcess, spawnApp, stopApp } from './spawn-app.ts';

const REPO = 'Codertocat/Hello-World';
const RELEASES = 6;

let github: FakeGitHub;
let dir: string;
let app: AppProcess | undefined;

beforeAll(async () => {
  github = await startFakeGitHub();
  dir = mkdtempSync(join(tmpdir(), 'shipwell-github-faults-'));
});
afterAll(async () => {
  if (app) await stopApp(app, 2_000);
  await github?.close();
  rmSync(dir, { recursive: true, force: true });
});

const SECONDARY_LIMIT: FakeFault = {
  status: 403,
  headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' },
  body: {
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
  },
};

describe('GitHub API faults on publish', () => {
  it('retries 500s, secondary rate limits and a timeout until every verdict is published once', async () => {
    const publishedAt = new Date(Date.now() - 3_600_000).toISOString();
    const shas = Array.from({ length: RELEASES }, (_, i) => i.toString(16).padStart(40, 'd'));
    github.releases.set(
      REPO,
      shas.map((sha, i) => ({
        id: 500 + i,
        tag_name: `v${i}.0.0`,
        target_commitish: sha,
        name: `v${i}.0.0`,
        body: 'Release notes.',
        draft: false,
        prerelease: false,
        created_at: publishedAt,
        published_at: publishedAt,
      })),
    );
    const faults: string[] = [];
    let checkRunPosts = 0;
    let releasePatches = 0;
    github.intercept = ({ method, path }) => {
      if (method === 'POST' && path === `/repos/${REPO}/check-runs`) {
        checkRunPosts++;
        // a fault for three of every four, cycling through the kinds; one timeout only (it costs 20 s)
        const fault: FakeFault | undefined =
          checkRunPosts === 3
            ? 'hang'
            : checkRunPosts % 4 === 1
              ? { status: 500, body: { message: 'Server Error' } }
              : checkRunPosts % 4 === 2
                ? SECONDARY_LIMIT
                : undefined;
        if (fault) faults.push(fault === 'hang' ? 'timeout' : String(fault.status));
        return fault;
      }
      if (method === 'PATCH' && path.startsWith(`/repos/${REPO}/releases/`)) {
        releasePatches++;
        if (releasePatches % 2 === 1) {
          faults.push('release 502');
          return { status: 502, body: { message: 'Bad Gateway' } };
        }
      }
      return undefined;
    };
    app = await spawnApp({
      env: { ...appEnv({ github, databaseUrl: `sqlite:${join(dir, 'app.db')}`, token: null }), LOG_LEVEL: 'info' },
    });
    const url = `http://127.0.0.1:${app.port}/api/github/webhooks`;
    for (const [i, sha] of shas.entries()) {
      const payload = loadWebhook('release.published', {
        release: { tag_name: `v${i}.0.0`, target_commitish: sha, published_at: publishedAt, created_at: publishedAt },
        installation: { id: 42 },
      });
      const response = await sendDelivery({ url, id: `rel-${i}`, name: 'release', payload, secret: SECRET });
      expect(response.status).toBe(200);
    }

    await waitFor(
      'every verdict published',
      () =>
        new Set(github.checkRuns.filter((r) => r.name === 'Shipwell KPIs').map((r) => r.head_sha)).size === RELEASES,
      180_000,
    );
    await waitFor(
      'every release body updated',
      () => (github.releases.get(REPO) ?? []).every((r) => r.body !== 'Release notes.'),
      120_000,
    );
    // every kind of fault happened, and each check run exists once
    expect(faults).toContain('500');
    expect(faults).toContain('403');
    expect(faults).toContain('timeout');
    expect(faults).toContain('release 502');
    expect(github.checkRuns.filter((r) => r.name === 'Shipwell KPIs')).toHaveLength(RELEASES);
    expect(new Set(github.checkRuns.map((r) => r.head_sha))).toEqual(new Set(shas));
    for (const release of github.releases.get(REPO) ?? []) expect(release.body).toContain('Release notes.');
    const health = (await (await fetch(`http://127.0.0.1:${app.port}/healthz`)).json()) as {
      queue: { pending: number; failed: number };
    };
    expect(health.queue).toMatchObject({ pending: 0, failed: 0 });
  }, 300_000);
});
