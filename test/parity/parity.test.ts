// One history, four readers: the README's worked example through the webhook path (`shipwell
// kpis` on the JSONL, the App fed the same deliveries) and through the REST path (`shipwell
// report` and the bundled Action in report mode, against a local GitHub holding what those
// deliveries left) gives one report. The example holds nothing docs/kpis.md lists under "What the
// REST API cannot show" (no retraction, approval or reopened alert), so nothing is left out.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportCommand } from '../../cli/commands/report.ts';
import { exampleJsonl } from '../../scripts/make-example-deliveries.ts';
import type { WebhookDelivery } from '../../src/events/index.ts';
import type { Report } from '../../src/report/types.ts';
import { runBundle } from '../action/run-bundle.ts';
import { type Harness, SECRET, startHarness, TOKEN, waitFor } from '../app/app-harness.ts';
import { type FakeGitHub as AppGitHub, startFakeGitHub as startAppGitHub } from '../app/fake-github.ts';
import { sendDelivery } from '../app/signed-delivery.ts';
import { type FakeGitHub, startFakeGitHub } from '../github/fake-github.ts';
import { restRepoOf } from './rest-repo-of.ts';

const REPO = 'acme/api';
const NOW = '2026-03-20T00:00:00Z';
const deliveries = exampleJsonl()
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line) as WebhookDelivery);

/** A report without what only one path adds (`collection`: what REST could not read). */
function comparable(report: Report): Report {
  const { collection: _, ...rest } = report as Report & { collection?: unknown };
  return rest;
}

let rest: FakeGitHub;
let appGitHub: AppGitHub;
let harness: Harness;
/** The App's clock, running from a set instant: each delivery arrives when GitHub would have sent it. */
let appTime = { from: Date.parse(NOW), setAt: Date.now() };
const setAppTime = (at: string) => {
  appTime = { from: Date.parse(at), setAt: Date.now() };
};

beforeAll(async () => {
  rest = await startFakeGitHub(restRepoOf({ repo: REPO, deliveries }));
  appGitHub = await startAppGitHub();
  harness = await startHarness({ github: appGitHub, clock: () => appTime.from + (Date.now() - appTime.setAt) });
});

afterAll(async () => {
  await harness?.stop();
  await appGitHub?.close();
  await rest?.close();
});

describe('the worked example, read four ways', () => {
  it('gives one report through webhooks (CLI, App) and through REST (shipwell report, the Action)', async () => {
    const cli = JSON.parse(
      execFileSync(
        process.execPath,
        ['cli/index.ts', 'kpis', '--deliveries', 'examples/worked-example.jsonl', '--now', NOW],
        { encoding: 'utf8' },
      ),
    ) as Report;
    // the example is what the README says: four releases, v1.2.0 with three re-runs
    expect(cli.releases.map((r) => [r.tag, r.status, r.devopsActivities])).toEqual([
      ['v1.0.0', 'well-packaged', 1],
      ['v1.1.0', 'not-well-packaged', 0],
      ['v1.2.0', 'not-well-packaged', 3],
      ['v1.3.0', 'pending', 0],
    ]);

    // in the order GitHub sent them, the App's clock moving forward with them
    for (const d of [...deliveries].sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!))) {
      setAppTime(d.at!);
      const payload = { ...(d.payload as object), installation: { id: 42 } };
      const sent = await sendDelivery({ url: harness.webhookUrl, id: d.id, name: d.name, payload, secret: SECRET });
      expect(sent.status).toBe(200);
    }
    await waitFor('every delivery processed and evaluated', async () => {
      const health = await harness.app.store.health();
      return health.pending === 0 && health.dirtyRepos === 0;
    });
    setAppTime(NOW);
    const app = (await (
      await fetch(harness.url(`/shipwell/api/report?org=acme&now=${NOW}`), {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).json()) as Report;

    const out = { stdout: '', stderr: '' };
    await createReportCommand({ env: { GITHUB_TOKEN: 't', GITHUB_API_URL: rest.url } }).run(
      ['--repo', REPO, '--now', NOW],
      {
        stdout: { write: (text: string) => (out.stdout += text) },
        stderr: { write: (text: string) => (out.stderr += text) },
      },
    );
    const report = JSON.parse(out.stdout) as Report;
    // everything was readable: the comparison is of the whole history
    expect((report as Report & { collection: { unavailable: unknown[] } }).collection.unavailable).toEqual([]);

    const action = await runBundle({
      apiUrl: rest.url,
      repository: REPO,
      inputs: { mode: 'report', now: NOW },
      eventName: 'schedule',
      event: { schedule: '0 6 * * *' },
    });
    expect(action.stderr).toBe('');
    expect(action.code).toBe(0);
    const actionReport = JSON.parse(await readFile(action.outputs.report!, 'utf8')) as Report;
    // the pending v1.3.0's section went into its own release's notes, not another's
    const body = (tag: string) => String(rest.repo.releases.find((r) => r.tag_name === tag)?.body ?? '');
    expect(body('v1.3.0')).toContain('<!-- shipwell:kpis:start -->');
    expect(body('v1.3.0')).toContain('acme/api v1.3.0: ⏳ pending');
    for (const tag of ['v1.0.0', 'v1.1.0', 'v1.2.0']) expect(body(tag)).not.toContain('v1.3.0');

    expect(comparable(app)).toEqual(cli);
    expect(comparable(report)).toEqual(cli);
    expect(comparable(actionReport)).toEqual(cli);
  });
});
