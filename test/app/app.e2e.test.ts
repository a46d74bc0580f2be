import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInputLine } from '../../cli/parse-input-line.ts';
import type { Report } from '../../src/report/types.ts';
import { DAY } from '../../src/time/index.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { findDelivery, isStored } from '../store/find-delivery.ts';
import { type Harness, privateKey, SECRET, startHarness, TOKEN, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sendDelivery } from './signed-delivery.ts';

const REPO = 'Codertocat/Hello-World';
const SHA = 'a'.repeat(40);
const INSTALLATION = { id: 42 };

let github: FakeGitHub;
let harness: Harness;
const t0 = Date.now();
/**
 * The release's window (7 d) closes this long after the test file starts: pending first, final
 * soon; the App's start (Probot, migrations, its worker and report threads) and the pending
 * verdict must fit in it on a busy machine.
 */
const WINDOW_LEFT = 10_000;
const publishedAt = new Date(t0 - 7 * DAY + WINDOW_LEFT).toISOString();

beforeAll(async () => {
  github = await startFakeGitHub();
  github.releases.set(REPO, [
    {
      id: 17372790,
      tag_name: 'v1.0.0',
      target_commitish: SHA,
      name: 'v1.0.0',
      body: 'Release notes written by people.',
      draft: false,
      prerelease: false,
      created_at: publishedAt,
      published_at: publishedAt,
    },
  ]);
  github.hookDeliveries.push(
    { id: 1, guid: 'lost-1', delivered_at: new Date(t0 - 3_600_000).toISOString(), status_code: 502, event: 'release' },
    { id: 2, guid: 'too-old', delivered_at: new Date(t0 - 4 * DAY).toISOString(), status_code: 500, event: 'release' },
    { id: 3, guid: 'fine-1', delivered_at: new Date(t0 - 60_000).toISOString(), status_code: 200, event: 'push' },
  );
  harness = await startHarness({ github });
});

afterAll(async () => {
  await harness?.stop();
  await github?.close();
});

const send = (id: string, name: string, payload: unknown, signature?: string) =>
  sendDelivery({ url: harness.webhookUrl, id, name, payload, secret: SECRET, ...(signature ? { signature } : {}) });

/** A release published an hour ago on `sha`, then 90 % line coverage recorded for it: two deliveries. */
async function sendCoveredRelease({ id, repository, sha }: { id: string; repository: object; sha: string }) {
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const release = loadWebhook('release.published', {
    repository,
    release: { tag_name: 'v3.0.0', target_commitish: sha, published_at: at, created_at: at },
    installation: INSTALLATION,
  });
  expect((await send(`${id}-release`, 'release', release)).status).toBe(200);
  const coverage = loadWebhook('check_run.completed', {
    repository,
    check_run: {
      name: 'shipwell/coverage',
      head_sha: sha,
      completed_at: new Date().toISOString(),
      output: { title: 'Coverage', summary: 'Lines: 90/100 (90.0%)' },
    },
    installation: INSTALLATION,
  });
  expect((await send(`${id}-coverage`, 'check_run', coverage)).status).toBe(200);
}

/** The issuer (`iss`, the App id) of an `Authorization: bearer <JWT>` signed with the App's key; null otherwise. */
function appJwtIssuer(authorization: string): number | null {
  const [header, claims, signature] = authorization.replace(/^bearer /i, '').split('.');
  if (!header || !claims || !signature) return null;
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${claims}`),
    createPublicKey(privateKey()),
    Buffer.from(signature, 'base64url'),
  );
  return signed ? (JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { iss: number }).iss : null;
}

const verdictRuns = () => github.checkRuns.filter((r) => r.name === 'Shipwell KPIs' && r.head_sha === SHA);

describe('the App end to end (Probot over HTTP, SQLite, GitHub played locally)', () => {
  it('asks GitHub at start to redeliver failed deliveries it never stored, within three days, with the App JWT', async () => {
    const post = await waitFor('a redelivery request', () =>
      github.requests.find((r) => r.method === 'POST' && r.path.startsWith('/app/hook/deliveries/')),
    );
    expect(post.path).toBe('/app/hook/deliveries/1/attempts');
    const list = github.requests.find((r) => r.method === 'GET' && r.path === '/app/hook/deliveries');
    // both as the App: a JWT it signed with its key, issued by its id (two requests may straddle
    // a second, so two JWTs with different iat, not one string)
    for (const authorization of [list?.authorization, post.authorization]) {
      expect(appJwtIssuer(authorization ?? '')).toBe(4242);
    }
    expect(github.requests.filter((r) => r.path.startsWith('/app/hook/deliveries/')).map((r) => r.path)).toEqual([
      '/app/hook/deliveries/1/attempts',
    ]);
  });

  it('rejects a delivery with a bad signature and stores nothing', async () => {
    const payload = loadWebhook('release.published', { installation: INSTALLATION });
    const response = await send('bad-signature-1', 'release', payload, `sha256=${'0'.repeat(64)}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await isStored(harness.app.store, 'bad-signature-1')).toBe(false);
    const unsigned = await fetch(harness.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'release', 'x-github-delivery': 'unsigned-1' },
      body: JSON.stringify(payload),
    });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(await isStored(harness.app.store, 'unsigned-1')).toBe(false);
  });

  it('publishes a release verdict as a check run, updates it as facts arrive and finalises it when the window closes', async () => {
    const release = loadWebhook('release.published', {
      release: { tag_name: 'v1.0.0', target_commitish: SHA, published_at: publishedAt, created_at: publishedAt },
      installation: INSTALLATION,
    });
    const acked = await send('release-1', 'release', release);
    expect(acked.status).toBe(200);
    // stored before the answer: the delivery is there the moment it is acknowledged
    expect(await isStored(harness.app.store, 'release-1')).toBe(true);

    const pending = await waitFor('the pending check run', () => verdictRuns().find((r) => r.status === 'in_progress'));
    expect(pending.output.title).toMatch(/^Pending/);
    expect(pending.output.summary).toContain('v1.0.0');

    const coverage = loadWebhook('check_run.completed', {
      check_run: {
        name: 'shipwell/coverage',
        head_sha: SHA,
        status: 'completed',
        conclusion: 'success',
        completed_at: new Date().toISOString(),
        output: { title: 'Coverage', summary: 'Lines: 90/100 (90.0%)' },
      },
      installation: INSTALLATION,
    });
    expect((await send('coverage-1', 'check_run', coverage)).status).toBe(200);

    const final = await waitFor('the final verdict', () => verdictRuns().find((r) => r.status === 'completed'), 20_000);
    expect(final).toMatchObject({ conclusion: 'success', output: { title: 'Well-packaged' } });
    expect(Date.now()).toBeGreaterThanOrEqual(t0 + WINDOW_LEFT);
    // one check run for the release, created once and then updated
    expect(verdictRuns()).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'POST' && r.path === `/repos/${REPO}/check-runs`)).toHaveLength(
      1,
    );
    // the release notes got Shipwell's section, the people's text kept
    const body = await waitFor('the final release notes', () => {
      const text = github.releases.get(REPO)?.[0]?.body ?? '';
      return text.includes('well-packaged') ? text : undefined;
    });
    expect(body).toMatch(/^Release notes written by people\./);
    expect(body).toContain('<!-- shipwell:kpis:start -->');
    expect(body).toContain('well-packaged');
  });

  it('a redelivered id (duplicate) and an out-of-order older delivery change nothing', async () => {
    const settled = async () => {
      const health = await harness.app.store.health();
      return health.dirtyRepos === 0 && health.verdictsToPublish === 0;
    };
    await waitFor('no repo left to re-evaluate', settled);
    const publishesBefore = github.requests.filter((r) => r.method !== 'GET').length;
    const report = async () =>
      (await (
        await fetch(harness.url(`/shipwell/api/report?org=Codertocat&repo=${REPO}`), {
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).json()) as Report;
    const before = await report();
    const release = loadWebhook('release.published', {
      release: { tag_name: 'v1.0.0', target_commitish: SHA, published_at: publishedAt, created_at: publishedAt },
      installation: INSTALLATION,
    });
    expect((await send('release-1', 'release', release)).status).toBe(200);
    const older = loadWebhook('release.created', {
      release: { tag_name: 'v1.0.0', target_commitish: SHA, published_at: publishedAt },
      installation: INSTALLATION,
    });
    expect((await send('release-created-1', 'release', older)).status).toBe(200);
    await waitFor(
      'the old delivery processed',
      async () => (await findDelivery(harness.app.store, 'release-created-1'))?.status === 'processed',
    );
    await waitFor('no repo left to re-evaluate, nothing left to publish', settled);
    expect((await findDelivery(harness.app.store, 'release-1'))?.processCount).toBe(1);
    const after = await report();
    expect(after.releases).toEqual(before.releases);
    expect(github.requests.filter((r) => r.method !== 'GET').length).toBe(publishesBefore);
  });

  it('backfills a repository added to the installation with the org collector, recent window first', async () => {
    const repo = 'Codertocat/backfilled';
    const sha = 'b'.repeat(40);
    const at = new Date(Date.now() - DAY).toISOString();
    github.releases.set(repo, [
      {
        id: 5,
        tag_name: 'v2.0.0',
        target_commitish: sha,
        name: 'v2.0.0',
        body: '',
        draft: false,
        prerelease: false,
        created_at: at,
        published_at: at,
      },
    ]);
    // GitHub creates the tag with the release: GraphQL reads the release's commit through it
    github.repoNamed(repo)!.refs['v2.0.0'] = { type: 'commit', sha };
    const added = loadWebhook('installation.created', {
      action: 'added',
      installation: INSTALLATION,
      repositories: undefined,
      repository_selection: 'selected',
      repositories_added: [{ id: 9, name: 'backfilled', full_name: repo, private: false }],
      repositories_removed: [],
    });
    expect((await send('added-1', 'installation_repositories', added)).status).toBe(200);
    const job = await waitFor('the backfill', async () => {
      const j = await harness.app.store.backfills.read({ repo });
      return j?.status === 'done' ? j : undefined;
    });
    expect(job.installationId).toBe(42);
    const facts = await harness.app.store.facts.read({ repo });
    expect(facts.filter((f) => f.type === 'release').map((f) => (f as { tag: string }).tag)).toEqual(['v2.0.0']);
    const run = await waitFor('the backfilled release check run', () =>
      github.checkRuns.find((r) => r.head_sha === sha && r.name === 'Shipwell KPIs'),
    );
    expect(run.status).toBe('in_progress');
  });

  it('serves the report, the deliveries as JSONL, failed deliveries and health — with the bearer token only', async () => {
    const denied = await fetch(harness.url('/shipwell/api/report?org=Codertocat'));
    expect(denied.status).toBe(401);
    const wrong = await fetch(harness.url('/shipwell/api/report?org=Codertocat'), {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    const auth = { headers: { authorization: `Bearer ${TOKEN}` } };

    const response = await fetch(harness.url('/shipwell/api/report?org=Codertocat'), auth);
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.releases.find((r) => r.tag === 'v1.0.0')).toMatchObject({
      repo: REPO,
      status: 'well-packaged',
      sha: SHA,
      coverage: 90,
    });
    expect(report.segments.map((s) => s.name)).toContain('all');

    const asOf = await fetch(
      harness.url(`/shipwell/api/report?org=Codertocat&now=${encodeURIComponent(publishedAt)}`),
      auth,
    );
    const early = (await asOf.json()) as Report;
    expect(early.now).toBe(publishedAt);
    expect(early.releases.find((r) => r.tag === 'v1.0.0')?.status).toBe('pending');

    const bad = await fetch(harness.url('/shipwell/api/report?org=Codertocat&now=yesterday'), auth);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^now: expected an ISO-8601 instant/);
    expect((await fetch(harness.url('/shipwell/api/report'), auth)).status).toBe(400);

    const jsonl = await fetch(harness.url('/shipwell/api/deliveries.jsonl?org=Codertocat'), auth);
    expect(jsonl.headers.get('content-type')).toMatch(/ndjson/);
    const lines = (await jsonl.text()).trim().split('\n');
    const read = lines.map((text, i) => parseInputLine({ text, file: 'deliveries.jsonl', line: i + 1 }));
    // the deliveries, then the facts the backfill of Codertocat/backfilled read (no delivery says them)
    const deliveries = read.flatMap((r) => (r !== null && 'delivery' in r ? [r.delivery] : []));
    const facts = read.flatMap((r) => (r !== null && 'fact' in r ? [r.fact] : []));
    expect(read.findIndex((r) => r !== null && 'fact' in r)).toBe(deliveries.length);
    expect(facts.filter((f) => f.type === 'release').map((f) => [f.repo, f.origin])).toEqual([
      ['Codertocat/backfilled', 'api:release:5'],
    ]);
    expect(deliveries.map((d) => d?.id)).toEqual(
      expect.arrayContaining(['release-1', 'coverage-1', 'release-created-1']),
    );
    expect(new Set(deliveries.map((d) => d?.id)).size).toBe(deliveries.length);
    expect(deliveries.every((d) => d?.at !== undefined && Number.isFinite(Date.parse(d.at)))).toBe(true);

    const failed = await fetch(harness.url('/shipwell/api/deliveries?status=failed'), auth);
    expect(await failed.json()).toEqual([]);

    const health = await fetch(harness.url('/healthz'));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      database: { kind: 'sqlite', ok: true },
      queue: { failed: 0 },
    });
  });
  it('follows config (.github/shipwell.yml, re-read on a push that changes it) and custom properties', async () => {
    const repo = 'Codertocat/segmented';
    const sha = 'd'.repeat(40);
    const repository = { full_name: repo, name: 'segmented', default_branch: 'master' };
    github.configs.set(repo, 'minCoverage: 95\n');
    const runs = () => github.checkRuns.filter((r) => r.head_sha === sha && r.name === 'Shipwell KPIs');
    await sendCoveredRelease({ id: 'seg', repository, sha });
    // 90 % against the repo's minCoverage 95: not well-packaged (for now)
    const below = await waitFor('the verdict under minCoverage 95', () =>
      runs().find((r) => r.output.title === 'Not well-packaged: coverage 90 % is below 95 %'),
    );
    expect(below.conclusion).toBe('neutral');

    github.configs.set(repo, 'minCoverage: 80\n');
    const push = loadWebhook('push.branch', {
      repository,
      ref: 'refs/heads/master',
      commits: [
        { id: 'e'.repeat(40), message: 'Lower the bar', added: [], removed: [], modified: ['.github/shipwell.yml'] },
      ],
      installation: INSTALLATION,
    });
    expect((await send('seg-push', 'push', push)).status).toBe(200);
    await waitFor('the verdict under minCoverage 80', () => runs()[0]?.status === 'in_progress');
    expect(runs()).toHaveLength(1);
    expect(runs()[0]?.output.summary).toContain('segment unsegmented');

    const properties = {
      action: 'updated',
      repository: loadWebhook('release.published', { repository }).repository,
      organization: { login: 'Codertocat' },
      new_property_values: [{ property_name: 'segment', value: 'ios' }],
      old_property_values: [],
      installation: INSTALLATION,
    };
    expect((await send('seg-properties', 'custom_property_values', properties)).status).toBe(200);
    await waitFor('the release re-segmented', () => runs()[0]?.output.summary?.includes('segment ios'));
  });

  it("reads the org's .github config when a repository has none, follows _extends, and names the file and line of a mistake", async () => {
    const sha = 'f'.repeat(40);
    const repository = { full_name: 'Octo-org/orgwide', name: 'orgwide', default_branch: 'main' };
    github.configs.set('Octo-org/.github', '_extends: settings\nsegment: mobile\n');
    github.configs.set('Octo-org/settings', 'minCoverage: 95\n');
    const runs = () => github.checkRuns.filter((r) => r.head_sha === sha && r.name === 'Shipwell KPIs');
    await sendCoveredRelease({ id: 'org', repository, sha });
    const below = await waitFor('the verdict under the org minCoverage 95', () =>
      runs().find((r) => r.output.title === 'Not well-packaged: coverage 90 % is below 95 %'),
    );
    expect(below.output.summary).toContain('segment mobile');
    expect(below.output.summary).toContain('needs ≥ 95.0 %');

    const auth = { headers: { authorization: `Bearer ${TOKEN}` } };
    const report = (await (await fetch(harness.url('/shipwell/api/report?org=Octo-org'), auth)).json()) as Report;
    expect(report.segments.find((s) => s.name === 'mobile')?.rules.minCoverage).toBe(95);

    github.configs.set('Octo-org/settings', 'minCoverage: 95\nhistory: many\n');
    const push = loadWebhook('push.branch', {
      repository: { full_name: 'Octo-org/.github', name: '.github', default_branch: 'main' },
      ref: 'refs/heads/main',
      commits: [
        { id: 'c'.repeat(40), message: 'Org defaults', added: [], removed: [], modified: ['.github/shipwell.yml'] },
      ],
      installation: INSTALLATION,
    });
    expect((await send('org-push', 'push', push)).status).toBe(200);
    const refused = await waitFor('the org report refused with the mistake', async () => {
      const answer = await fetch(harness.url('/shipwell/api/report?org=Octo-org'), auth);
      return answer.status === 422 ? ((await answer.json()) as { error: string }) : null;
    });
    expect(refused.error).toBe(
      'Octo-org/settings/.github/shipwell.yml:2: history: expected a whole number from 0 to 1000, found "many"',
    );
  });

  it('keeps a delivery that fails processing, with its error, visible and retried', async () => {
    const broken = loadWebhook('release.published', {
      release: { tag_name: 'v9.9.9', published_at: 'last tuesday' },
      installation: INSTALLATION,
    });
    expect((await send('broken-1', 'release', broken)).status).toBe(200);
    const auth = { headers: { authorization: `Bearer ${TOKEN}` } };
    const failed = await waitFor('the failed delivery listed', async () => {
      const list = (await (await fetch(harness.url('/shipwell/api/deliveries?status=failed'), auth)).json()) as {
        id: string;
        lastError: string;
        attempts: number;
        nextAttemptAt: string;
      }[];
      return list.find((d) => d.id === 'broken-1');
    });
    expect(failed.lastError).toMatch(/broken-1/);
    expect(failed.lastError).toMatch(/published_at/);
    expect(failed.attempts).toBe(1);
    expect(Date.parse(failed.nextAttemptAt)).toBeGreaterThan(Date.now());
    const health = (await (await fetch(harness.url('/healthz'))).json()) as {
      status: string;
      queue: { failed: number };
    };
    expect(health).toMatchObject({ status: 'degraded', queue: { failed: 1 } });
  });
});
