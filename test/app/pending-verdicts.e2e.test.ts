// A pending verdict stays current: its check run and release-notes section follow the facts that
// change them (the segment's trend included), with words, evidence links and the dashboard link
// (docs/app.md, "When a verdict is published").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/time/index.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { type Harness, SECRET, startHarness, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sendDelivery } from './signed-delivery.ts';

const REPO = 'Pendingorg/shop';
const repository = { full_name: REPO, name: 'shop', owner: { login: 'Pendingorg' }, default_branch: 'main' };
const INSTALLATION = { id: 42 };
const PUBLIC_URL = 'https://shipwell.example.com';
const sha = (c: string) => c.repeat(40);
const t0 = Date.now();
const at = (hoursAgo: number) => new Date(t0 - hoursAgo * HOUR).toISOString();

let github: FakeGitHub;
let harness: Harness;

beforeAll(async () => {
  github = await startFakeGitHub();
  const release = (id: number, tag: string, commit: string, published: string) => ({
    id,
    tag_name: tag,
    target_commitish: commit,
    name: tag,
    body: `Notes of ${tag}.`,
    draft: false,
    prerelease: false,
    created_at: published,
    published_at: published,
  });
  github.releases.set(REPO, [release(1, 'v1.0.0', sha('1'), at(5)), release(2, 'v1.1.0', sha('2'), at(2))]);
  harness = await startHarness({ github, env: { SHIPWELL_PUBLIC_URL: `${PUBLIC_URL}/` } });
});

afterAll(async () => {
  await harness?.stop();
  await github?.close();
});

const send = (id: string, name: string, payload: unknown) =>
  sendDelivery({ url: harness.webhookUrl, id, name, payload, secret: SECRET });

async function publish(id: string, tag: string, commit: string, published: string) {
  const payload = loadWebhook('release.published', {
    repository,
    release: { tag_name: tag, target_commitish: commit, published_at: published, created_at: published },
    installation: INSTALLATION,
  });
  expect((await send(id, 'release', payload)).status).toBe(200);
}

const verdictOf = (commit: string) =>
  github.checkRuns.find((r) => r.name === 'Shipwell KPIs' && r.head_sha === commit && r.output.summary);
const notesOf = (tag: string) => github.releases.get(REPO)?.find((r) => r.tag_name === tag)?.body ?? '';
/** What a summary says beyond its release: everything after the criteria list (the segment's trend). */
const trendOf = (summary: string) => {
  const lines = summary.split('\n');
  const last = lines.findLastIndex((line) => /^\s*- /.test(line));
  return lines.slice(last + 1).join('\n');
};

describe('a pending verdict on the release page', () => {
  it("follows later facts that change its section (the segment's trend), and links its evidence and the dashboard", async () => {
    await publish('p-v1', 'v1.0.0', sha('1'), at(5));
    const first = await waitFor('v1.0.0 pending', () => verdictOf(sha('1')));
    expect(first.status).toBe('in_progress');
    const before = first.output.summary ?? '';
    expect(before).toContain(
      `[Open the dashboard of segment unsegmented](${PUBLIC_URL}/shipwell?org=Pendingorg&segment=unsegmented)`,
    );

    // a later release and a re-run of its CI: v1.0.0's own verdict does not change, its segment's trend does
    await publish('p-v2', 'v1.1.0', sha('2'), at(2));
    const rerun = loadWebhook('workflow_run.completed', {
      repository,
      workflow_run: {
        id: 8811,
        run_attempt: 2,
        head_sha: sha('2'),
        head_branch: 'main',
        event: 'push',
        conclusion: 'success',
        run_started_at: at(1),
        updated_at: at(1),
      },
      installation: INSTALLATION,
    });
    expect((await send('p-rerun', 'workflow_run', rerun)).status).toBe(200);
    const second = await waitFor('v1.1.0 with its re-run', () =>
      verdictOf(sha('2'))?.output.summary?.includes('re-run') ? verdictOf(sha('2')) : undefined,
    );
    const expected = trendOf(second.output.summary ?? '');
    expect(expected).not.toBe(trendOf(before));
    // the re-run links its attempt on GitHub (the App's GitHub web root)
    expect(second.output.summary).toContain(`(http://${github.host}/${REPO}/actions/runs/8811/attempts/2)`);

    const updated = await waitFor("v1.0.0's check run with the current trend", () =>
      trendOf(verdictOf(sha('1'))?.output.summary ?? '') === expected ? verdictOf(sha('1')) : undefined,
    );
    expect(updated.status).toBe('in_progress');
    await waitFor("v1.0.0's release notes with the current trend", () => notesOf('v1.0.0').includes(expected));
    expect(notesOf('v1.0.0')).toMatch(/^Notes of v1\.0\.0\./);
    expect(notesOf('v1.0.0')).not.toContain('v1.1.0:');
  });
});
