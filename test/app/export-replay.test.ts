// The deliveries export holds everything the App's report was computed from:
// the App on SQLite learns history from the fake GitHub by its REST backfill
// and hears webhooks; replaying its /shipwell/api/deliveries.jsonl through
// `shipwell kpis` gives the dashboard's report, to the byte.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.ts';
import { DAY } from '../../src/time/index.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { type Harness, SECRET, startHarness, TOKEN, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sendDelivery } from './signed-delivery.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const INSTALLATION = { id: 42 };
const BACKFILLED = 'Codertocat/history';
const HEARD = 'Codertocat/Hello-World';
const auth = { headers: { authorization: `Bearer ${TOKEN}` } };

let github: FakeGitHub;
let harness: Harness;
const t0 = Date.now();
const ago = (days: number) => new Date(t0 - days * DAY).toISOString();

beforeAll(async () => {
  github = await startFakeGitHub();
  github.releases.set(
    BACKFILLED,
    [30, 20, 12, 9, 3].map((days, i) => ({
      id: 100 + i,
      tag_name: `v1.${i}.0`,
      target_commitish: String(i + 1).repeat(40),
      name: `v1.${i}.0`,
      body: '',
      draft: false,
      prerelease: false,
      created_at: ago(days),
      published_at: ago(days),
    })),
  );
  harness = await startHarness({ github });
});

afterAll(async () => {
  await harness?.stop();
  await github?.close();
});

const send = (id: string, name: string, payload: unknown) =>
  sendDelivery({ url: harness.webhookUrl, id, name, payload, secret: SECRET });

describe('the deliveries export', () => {
  it('replays through shipwell kpis to the report the App serves, backfilled history included', async () => {
    const added = loadWebhook('installation.created', {
      action: 'added',
      installation: INSTALLATION,
      repositories: undefined,
      repository_selection: 'selected',
      repositories_added: [{ id: 9, name: 'history', full_name: BACKFILLED, private: false }],
      repositories_removed: [],
    });
    expect((await send('added-1', 'installation_repositories', added)).status).toBe(200);
    const repository = { full_name: HEARD, name: 'Hello-World', default_branch: 'main' };
    const sha = 'c'.repeat(40);
    const release = loadWebhook('release.published', {
      repository,
      release: { tag_name: 'v2.0.0', target_commitish: sha, published_at: ago(10), created_at: ago(10) },
      installation: INSTALLATION,
    });
    expect((await send('heard-release', 'release', release)).status).toBe(200);
    const coverage = loadWebhook('check_run.completed', {
      repository,
      check_run: {
        name: 'shipwell/coverage',
        head_sha: sha,
        completed_at: ago(10.01),
        output: { title: 'Coverage', summary: 'Lines: 90/100 (90.0%)' },
      },
      installation: INSTALLATION,
    });
    expect((await send('heard-coverage', 'check_run', coverage)).status).toBe(200);
    await waitFor(
      'the backfill',
      async () => (await harness.app.store.backfills.read({ repo: BACKFILLED }))?.status === 'done',
    );
    await waitFor('every delivery processed', async () =>
      (await harness.app.store.log.list({ limit: 100 })).every((d) => d.status !== 'pending'),
    );

    const now = new Date(t0).toISOString();
    const served = (await (
      await fetch(harness.url(`/shipwell/api/report?org=Codertocat&now=${encodeURIComponent(now)}`), auth)
    ).json()) as Report;
    // the report has both paths' releases: five backfilled, one heard
    expect(served.releases.filter((r) => r.repo === BACKFILLED)).toHaveLength(5);
    expect(served.releases.filter((r) => r.repo === HEARD)).toHaveLength(1);

    const exported = await (await fetch(harness.url('/shipwell/api/deliveries.jsonl?org=Codertocat'), auth)).text();
    const lines = exported.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('{"fact":')).length).toBeGreaterThanOrEqual(5);
    const file = join(harness.dir, 'export.jsonl');
    writeFileSync(file, exported);
    const cli = await promisify(execFile)(
      process.execPath,
      ['cli/index.ts', 'kpis', '--deliveries', file, '--now', now, '--format', 'json'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    );
    expect(JSON.parse(cli.stdout)).toEqual(served);
  }, 120_000);
});
