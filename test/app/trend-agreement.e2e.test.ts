// One number, one label (docs/report.md, "Which repositories a figure
// covers"): one history of two repositories in one segment, given to the
// real App over HTTP (SQLite), to the bundled Action (one repository,
// through the REST API) and to `shipwell kpis` (the deliveries as JSONL).
// Every figure a trend table carries under a label equals the figure the
// JSON API gives for what the label names: the segment across the org's
// repositories, or one repository alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, SegmentPeriodReport } from '../../src/report/types.ts';
import { DAY, HOUR } from '../../src/time/index.ts';
import { runBundle } from '../action/run-bundle.ts';
import { readMarks } from '../dashboard/read-marks.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { emptyRepo, startFakeGitHub as startRestGitHub } from '../github/fake-github.ts';
import { type Harness, SECRET, startHarness, TOKEN, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sendDelivery } from './signed-delivery.ts';

const ORG = 'acme';
const AUTHORIZED = { authorization: `Bearer ${TOKEN}` };
const CONFIG = 'segments:\n  cloud: ["*"]\n';
const INSTALLATION = { id: 42 };
const t0 = Date.now();
const iso = (ago: number) => new Date(t0 - ago).toISOString();

interface HistoryRelease {
  repo: string;
  tag: string;
  sha: string;
  publishedAt: string;
  /** Lines covered of 100, recorded an hour after publishing (before now). */
  covered: number;
}

/** acme/shop: one well-packaged, one pending; acme/web: one below the threshold, one pending. */
const HISTORY: HistoryRelease[] = [
  { repo: 'acme/web', tag: 'v2.0.0', sha: 'e'.repeat(40), publishedAt: iso(18 * DAY), covered: 70 },
  { repo: 'acme/web', tag: 'v2.1.0', sha: 'f'.repeat(40), publishedAt: iso(3 * HOUR), covered: 90 },
  { repo: 'acme/shop', tag: 'v1.0.0', sha: 'c'.repeat(40), publishedAt: iso(20 * DAY), covered: 90 },
  { repo: 'acme/shop', tag: 'v1.1.0', sha: 'd'.repeat(40), publishedAt: iso(2 * HOUR), covered: 85 },
];
const LAST = HISTORY.at(-1)!;

/** The release and its coverage check run, as GitHub delivers them to an App. */
function deliveriesOf(release: HistoryRelease): { id: string; name: string; payload: Record<string, unknown> }[] {
  const name = release.repo.slice(ORG.length + 1);
  const repository = { full_name: release.repo, name, owner: { login: ORG }, default_branch: 'main' };
  const covered = new Date(Date.parse(release.publishedAt) + HOUR).toISOString();
  return [
    {
      id: `${release.repo}-${release.tag}-release`,
      name: 'release',
      payload: loadWebhook('release.published', {
        repository,
        release: {
          tag_name: release.tag,
          name: release.tag,
          target_commitish: release.sha,
          published_at: release.publishedAt,
          created_at: release.publishedAt,
        },
        installation: INSTALLATION,
      }),
    },
    {
      id: `${release.repo}-${release.tag}-coverage`,
      name: 'check_run',
      payload: loadWebhook('check_run.completed', {
        repository,
        check_run: {
          id: 900 + HISTORY.indexOf(release),
          name: 'shipwell/coverage',
          head_sha: release.sha,
          status: 'completed',
          conclusion: 'success',
          completed_at: covered,
          output: { title: 'Coverage', summary: `Lines: ${release.covered}/100 (${release.covered}.0%)` },
        },
        installation: INSTALLATION,
      }),
    },
  ];
}

/** What a label says the figures are: the segment across repositories, or one repository's alone. */
type Scope = { segment: string; repo: string | null };

/** The scope a heading names: `Segment cloud (2 repos)…` or `acme/shop (cloud)…`; null for any other heading. */
function scopeOf(heading: string): Scope | null {
  const repo = /^#{3,4} ([^\s()]+\/[^\s()]+) \(([^()]+)\)/.exec(heading);
  if (repo) return { segment: repo[2]!, repo: repo[1]! };
  const segment = /^#{3,4} Segment ([^\s():]+)/.exec(heading);
  return segment ? { segment: segment[1]!, repo: null } : null;
}

interface LabelledRow {
  scope: Scope;
  /** The period's start, `YYYY-MM-DD`. */
  period: string;
  figures: Record<'releases' | 'well-packaged' | 'share', string>;
}

/** Every period row of every table under a segment's or a repository's heading, with that heading's scope. */
function readLabelledRows(markdown: string): LabelledRow[] {
  const rows: LabelledRow[] = [];
  let scope: Scope | null = null;
  let header: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('#')) {
      scope = scopeOf(line);
      header = [];
      continue;
    }
    if (!scope || !line.startsWith('| ')) continue;
    const cells = line
      .slice(2, -2)
      .split(' | ')
      .map((cell) => cell.trim());
    if (cells[0] === 'period') {
      header = cells;
      continue;
    }
    const period = /(\d{4}-\d{2}-\d{2}) →/.exec(cells[0] ?? '')?.[1];
    if (!period || header.length === 0) continue;
    const cell = (name: string) => (cells[header.indexOf(name)] ?? '?').replace(/ ?(✅|⚠️)$/u, '');
    rows.push({
      scope,
      period,
      figures: { releases: cell('releases'), 'well-packaged': cell('well-packaged'), share: cell('share') },
    });
  }
  return rows;
}

/** The figures of a period of the JSON report, written as the tables write them. */
function figuresOf(period: SegmentPeriodReport): LabelledRow['figures'] {
  return {
    releases: String(period.releases),
    'well-packaged': String(period.wellPackaged),
    share: period.share === null ? '—' : `${period.share.toFixed(1)} %`,
  };
}

let github: FakeGitHub;
let harness: Harness;
let dir: string;

async function apiReport(query: string): Promise<Report> {
  const response = await fetch(harness.url(`/shipwell/api/report?${query}`), { headers: AUTHORIZED });
  expect(response.status).toBe(200);
  return (await response.json()) as Report;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shipwell-agreement-'));
  github = await startFakeGitHub();
  github.configs.set(`${ORG}/.github`, CONFIG);
  github.releases.set('acme/shop', [
    {
      id: 711,
      tag_name: LAST.tag,
      target_commitish: LAST.sha,
      name: LAST.tag,
      body: 'What changed.',
      draft: false,
      prerelease: false,
      created_at: LAST.publishedAt,
      published_at: LAST.publishedAt,
    },
  ]);
  harness = await startHarness({ github });
});

afterAll(async () => {
  await harness?.stop();
  await github?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('one history, one figure per label: the App, the Action and the CLI', () => {
  it('agree on every figure of a segment or of one repository, period by period', async () => {
    const send = (d: { id: string; name: string; payload: unknown }) =>
      sendDelivery({ url: harness.webhookUrl, id: d.id, name: d.name, payload: d.payload, secret: SECRET });
    const verdict = (sha: string) =>
      github.checkRuns.findLast(
        (r) => r.name === 'Shipwell KPIs' && r.head_sha === sha && r.output.summary?.includes(' %'),
      );
    // acme/web first, evaluated and published; then acme/shop, whose last verdict is published after both are known
    for (const release of HISTORY.filter((r) => r.repo === 'acme/web')) {
      for (const d of deliveriesOf(release)) expect((await send(d)).status).toBe(200);
    }
    await waitFor(
      "acme/web's pending verdict with its coverage",
      () => verdict('f'.repeat(40))?.output.summary?.includes('90.0 %'),
      30_000,
    );
    for (const release of HISTORY.filter((r) => r.repo === 'acme/shop')) {
      for (const d of deliveriesOf(release)) expect((await send(d)).status).toBe(200);
    }
    const check = await waitFor(
      "acme/shop's verdict with its coverage",
      () => {
        const run = verdict(LAST.sha);
        return run?.output.summary?.includes('85.0 %') ? run : undefined;
      },
      30_000,
    );
    const notes = await waitFor('the release-notes section', () => {
      const body = github.releases.get('acme/shop')?.[0]?.body ?? '';
      return body.includes('85.0 %') ? body : undefined;
    });
    await waitFor('nothing left to evaluate or publish', async () => {
      const health = await harness.app.store.health();
      return health.dirtyRepos === 0 && health.verdictsToPublish === 0;
    });
    const now = new Date().toISOString();

    // the App's own figures: the org's report and the repository's alone, and the dashboard
    const org = await apiReport(`org=${ORG}&now=${now}`);
    const shop = await apiReport(`org=${ORG}&repo=acme/shop&now=${now}`);
    const expected = (scope: Scope) => {
      const report = scope.repo === null ? org : shop;
      expect(scope.repo === null || scope.repo === 'acme/shop').toBe(true);
      const segment = report.segments.find((s) => s.name === scope.segment);
      if (!segment) throw new Error(`no segment ${scope.segment} in the report`);
      return segment;
    };
    const cloud = expected({ segment: 'cloud', repo: null });
    expect(cloud.repos).toEqual(['acme/shop', 'acme/web']);
    expect(cloud.periods.reduce((n, p) => n + p.releases, 0)).toBe(4);

    // the CLI on the same deliveries, the Action on the same history through the REST API
    const jsonl = join(dir, 'deliveries.jsonl');
    writeFileSync(
      jsonl,
      HISTORY.flatMap(deliveriesOf)
        .map((d) => JSON.stringify(d))
        .join('\n'),
    );
    writeFileSync(join(dir, 'shipwell.yml'), CONFIG);
    const cli = spawnSync(
      process.execPath,
      [
        'bin/shipwell.js',
        'kpis',
        '--deliveries',
        jsonl,
        '--config',
        join(dir, 'shipwell.yml'),
        '--now',
        now,
        '--format',
        'markdown',
      ],
      { encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    const rest = emptyRepo(ORG, 'shop', 71);
    for (const release of HISTORY.filter((r) => r.repo === 'acme/shop')) {
      rest.releases.push({
        id: rest.releases.length + 1,
        tag_name: release.tag,
        name: release.tag,
        target_commitish: release.sha,
        body: 'What changed.',
        draft: false,
        prerelease: false,
        created_at: release.publishedAt,
        published_at: release.publishedAt,
      });
      rest.refs[release.tag] = { type: 'commit', sha: release.sha };
      rest.checkRuns.push({
        id: 900 + HISTORY.indexOf(release),
        name: 'shipwell/coverage',
        head_sha: release.sha,
        status: 'completed',
        conclusion: 'success',
        completed_at: new Date(Date.parse(release.publishedAt) + HOUR).toISOString(),
        output: { title: 'Coverage', summary: `Lines: ${release.covered}/100 (${release.covered}.0%)` },
      });
    }
    const dotGithub = emptyRepo(ORG, '.github', 72);
    dotGithub.files['.github/shipwell.yml'] = CONFIG;
    const restGitHub = await startRestGitHub([rest, dotGithub]);
    let action: Awaited<ReturnType<typeof runBundle>>;
    let actionCheck: string;
    let actionNotes: string;
    try {
      action = await runBundle({
        apiUrl: restGitHub.url,
        repository: 'acme/shop',
        inputs: { now },
        eventName: 'schedule',
        event: { schedule: '0 6 * * *' },
      });
      const run = rest.checkRuns.find((r) => r.name === 'Shipwell KPIs' && r.head_sha === LAST.sha);
      actionCheck = (run?.output as { summary?: string } | undefined)?.summary ?? '';
      actionNotes = String(rest.releases.find((r) => r.tag_name === LAST.tag)?.body ?? '');
    } finally {
      await restGitHub.close();
    }
    expect(action.code).toBe(0);

    const outputs = {
      'App check run': check.output.summary ?? '',
      'App release notes': notes,
      'CLI (shipwell kpis --format markdown)': cli.stdout,
      'Action job summary': action.summary,
      'Action check run': actionCheck,
      'Action release notes': actionNotes,
    };
    const scopes: Record<string, string[]> = {};
    for (const [output, markdown] of Object.entries(outputs)) {
      const rows = readLabelledRows(markdown);
      expect(rows.length, output).toBeGreaterThan(0);
      for (const row of rows) {
        const period = expected(row.scope).periods.find((p) => p.start.startsWith(row.period));
        expect(period, `${output}: period ${row.period}`).toBeDefined();
        expect(row.figures, `${output}: ${JSON.stringify(row.scope)} ${row.period}`).toEqual(figuresOf(period!));
      }
      scopes[output] = [
        ...new Set(
          rows.map((r) => (r.scope.repo ? `${r.scope.repo} (${r.scope.segment})` : `segment ${r.scope.segment}`)),
        ),
      ];
    }
    // who shows what: the App knows the org, the Action one repository, the CLI every repository of its input
    expect(scopes).toEqual({
      'App check run': ['segment cloud'],
      'App release notes': ['segment cloud'],
      'CLI (shipwell kpis --format markdown)': ['segment all', 'segment cloud'],
      'Action job summary': ['acme/shop (cloud)'],
      'Action check run': ['acme/shop (cloud)'],
      'Action release notes': ['acme/shop (cloud)'],
    });
    // release notes and job summaries draw the chart; a check run keeps the text trend
    expect(notes).toContain('```mermaid');
    expect(action.summary).toContain('```mermaid');
    expect(actionNotes).toContain('```mermaid');
    expect(check.output.summary).not.toContain('```mermaid');

    // the dashboard draws the same figures for the segment
    const page = await fetch(harness.url(`/shipwell?org=${ORG}&segment=cloud&now=${now}`), { headers: AUTHORIZED });
    expect(page.status).toBe(200);
    const marks = readMarks(await page.text()).filter((m) => m.chart === 'north-star');
    for (const period of cloud.periods) {
      const value = (series: string) => marks.find((m) => m.series === series && m.period === period.start)?.value;
      expect(value('well-packaged'), period.start).toBe(period.wellPackaged);
      expect((value('well-packaged') ?? 0) + (value('not-well-packaged') ?? 0) + (value('pending') ?? 0)).toBe(
        period.releases,
      );
      expect(value('share') ?? null).toBe(period.share);
    }
  }, 120_000);
});
