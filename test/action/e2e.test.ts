import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCoverageSummary, parseRollbackSummary } from '../../src/events/index.ts';
import { SECTION_END, SECTION_START } from '../../src/github/index.ts';
import type { Report } from '../../src/report/types.ts';
import { emptyRepo, type FakeGitHub, startFakeGitHub } from '../github/fake-github.ts';
import { COMMIT, fixtureRepo, orgRepos, releaseEvent } from './fixture-repo.ts';
import { runBundle } from './run-bundle.ts';

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const writes = (f: FakeGitHub) => f.requests.filter((r) => r.method !== 'GET');
const verdictRuns = (f: FakeGitHub) => f.repo.checkRuns.filter((run) => run.name === 'Shipwell KPIs');

describe('the bundled Action, run as a runner runs it', () => {
  it('report mode on a release: check run in progress, release-notes section, outputs, JSON file; a second run writes nothing', async () => {
    fake = await startFakeGitHub(fixtureRepo());
    const run = () =>
      runBundle({
        apiUrl: fake!.url,
        inputs: { now: '2019-05-20T00:00:00Z' },
        eventName: 'release',
        event: releaseEvent,
      });
    const first = await run();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);

    const [check] = verdictRuns(fake);
    expect(check).toMatchObject({ head_sha: COMMIT, status: 'in_progress' });
    expect(check!.conclusion).toBeNull();
    const summary = (check!.output as { summary: string }).summary;
    expect(summary).toContain('0.0.1');
    expect(summary).toMatch(/85(\.0)?\s?%/);

    const body = fake.repo.releases[0]!.body as string;
    expect(body.startsWith('First release.\n\n')).toBe(true);
    expect(body).toContain(SECTION_START);
    expect(body.trimEnd().endsWith(SECTION_END)).toBe(true);

    expect(first.outputs).toMatchObject({
      status: 'pending',
      coverage: '85',
      releases: '1',
      pending: '1',
      'well-packaged': '0',
    });
    const report = JSON.parse(await readFile(first.outputs.report!, 'utf8')) as Report & { collection: unknown };
    expect(report.now).toBe('2019-05-20T00:00:00.000Z');
    expect(report.releases).toEqual([
      expect.objectContaining({ repo: 'Codertocat/Hello-World', tag: '0.0.1', sha: COMMIT, status: 'pending' }),
    ]);
    expect(report.collection).toMatchObject({ unavailable: [] });
    expect(first.summary).toContain('## Shipwell KPIs');
    expect(first.summary).toContain('check run created');

    const before = writes(fake).length;
    const second = await run();
    expect(second.code).toBe(0);
    expect(writes(fake).length).toBe(before);
    expect(fake.repo.releases[0]!.body).toBe(body);
    expect(verdictRuns(fake)).toHaveLength(1);
  });

  it('report mode on a schedule after the window: the same run is completed with success', async () => {
    fake = await startFakeGitHub(fixtureRepo());
    await runBundle({
      apiUrl: fake.url,
      inputs: { now: '2019-05-20T00:00:00Z' },
      eventName: 'release',
      event: releaseEvent,
    });
    const later = await runBundle({
      apiUrl: fake.url,
      inputs: { now: '2019-05-23T00:00:00Z' },
      eventName: 'schedule',
      event: { schedule: '0 6 * * *' },
    });
    expect(later.code).toBe(0);
    expect(verdictRuns(fake)).toEqual([
      expect.objectContaining({ status: 'completed', conclusion: 'success', head_sha: COMMIT }),
    ]);
    expect(fake.repo.releases[0]!.body as string).toMatch(/well-packaged/i);
    expect(later.outputs.status).toBe('');
  });

  it('report mode without Dependabot access and with a read-only token: says so and does not fail', async () => {
    const repo = fixtureRepo();
    repo.alerts = 'forbidden';
    repo.readOnly = true;
    fake = await startFakeGitHub(repo);
    const result = await runBundle({
      apiUrl: fake.url,
      inputs: { now: '2019-05-20T00:00:00Z' },
      eventName: 'release',
      event: releaseEvent,
    });
    expect(result.code).toBe(0);
    expect(result.summary).toMatch(/token is read-only/);
    expect(result.summary).toMatch(
      /Dependabot alerts: not available: needs `Dependabot alerts: read \(an App installation or personal token; the workflow token cannot read them\)`/,
    );
    expect(verdictRuns(fake)).toEqual([]);
    expect(fake.repo.releases[0]!.body).toBe('First release.');
  });

  it('coverage mode: records shipwell/coverage on the commit, fails only under fail-under', async () => {
    fake = await startFakeGitHub(fixtureRepo());
    const workspace = await mkdtemp(join(tmpdir(), 'shipwell-ws-'));
    await mkdir(join(workspace, 'coverage'));
    await writeFile(
      join(workspace, 'coverage/lcov.info'),
      'TN:\nSF:src/a.ts\nDA:1,1\nDA:2,1\nDA:3,0\nDA:4,1\nend_of_record\n',
    );
    const sha = 'b1ab1ab1ab1ab1ab1ab1ab1ab1ab1ab1ab1ab1ab';
    const ok = await runBundle({
      apiUrl: fake.url,
      inputs: { 'coverage-files': 'coverage/*.info' },
      eventName: 'push',
      event: { ref: 'refs/heads/main' },
      sha,
      workspace,
    });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const recorded = fake.repo.checkRuns.filter((run) => run.name === 'shipwell/coverage' && run.head_sha === sha);
    expect(recorded).toHaveLength(1);
    expect(parseCoverageSummary((recorded[0]!.output as { summary: string }).summary)).toEqual({
      covered: 3,
      total: 4,
    });
    expect(ok.outputs.coverage).toBe('75');
    // a Markdown table GitHub renders, and report files told from the source files they cover
    expect(ok.summary).toContain('Lines: 3/4 (75.0%) · 1 report file covering 1 source file');
    expect(ok.summary).toContain(
      '| format | source files | lines | branches |\n|---|---:|---:|---:|\n| lcov | 1 | 75.0% \\(3/4\\) | — \\(0/0\\) |',
    );
    expect((recorded[0]!.output as { summary: string }).summary).toContain(
      '| format | source files | lines | branches |',
    );

    const under = await runBundle({
      apiUrl: fake.url,
      inputs: { 'coverage-files': 'coverage/*.info', 'fail-under': '80' },
      eventName: 'push',
      event: { ref: 'refs/heads/main' },
      sha,
      workspace,
    });
    expect(under.code).toBe(1);
    // Workflow commands escape `%` as `%25`; the runner shows the decoded text.
    expect(under.stdout.replaceAll('%25', '%')).toMatch(/::error::lines coverage 75% \(3\/4\) is under fail-under 80%/);
    expect(under.stdout).not.toMatch(/::error::GET /);
  });

  it('rollback mode: records shipwell/rollback on the release commit, and the next report counts it', async () => {
    fake = await startFakeGitHub(fixtureRepo());
    const rollback = await runBundle({
      apiUrl: fake.url,
      inputs: { mode: 'rollback', release: '0.0.1', reason: 'payment errors after deploy' },
      eventName: 'workflow_dispatch',
      event: { inputs: {} },
    });
    expect(rollback.stderr).toBe('');
    expect(rollback.code).toBe(0);
    const recorded = fake.repo.checkRuns.filter((run) => run.name === 'shipwell/rollback');
    expect(recorded).toEqual([expect.objectContaining({ head_sha: COMMIT, status: 'completed' })]);
    expect(parseRollbackSummary((recorded[0]!.output as { summary: string }).summary)).toEqual({
      tag: '0.0.1',
      reason: 'payment errors after deploy',
    });
    // The recorded rollback happened "now" (the fake stamps the real clock): evaluate after it,
    // with a window long enough to contain it.
    await writeFile(join(rollback.dir, 'shipwell.yml'), 'rollbackWindow: 30000d\nhistory: 1000\n');
    const report = await runBundle({
      apiUrl: fake.url,
      inputs: { config: join(rollback.dir, 'shipwell.yml'), release: '0.0.1' },
      eventName: 'workflow_dispatch',
      event: {},
    });
    expect(report.code).toBe(0);
    expect(report.outputs.status).toBe('not-well-packaged');
    const json = JSON.parse(await readFile(report.outputs.report!, 'utf8')) as Report;
    expect(json.releases[0]!.rollback).toMatchObject({ signal: 'recorded', reason: 'payment errors after deploy' });
  });

  it('fails with one clear line on a bad input', async () => {
    fake = await startFakeGitHub(fixtureRepo());
    const result = await runBundle({
      apiUrl: fake.url,
      inputs: { now: 'yesterday' },
      eventName: 'release',
      event: releaseEvent,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::input "now": expected an ISO-8601 time with a zone.*found "yesterday"/);
    expect(fake.requests).toEqual([]);
  });

  it("report mode reads the org's .github config when the repository has none, says so, and judges by it", async () => {
    const dotGithub = emptyRepo('Codertocat', '.github', 2);
    dotGithub.files['.github/shipwell.yml'] = 'minCoverage: 90\n';
    fake = await startFakeGitHub([fixtureRepo(), dotGithub]);
    const result = await runBundle({
      apiUrl: fake.url,
      inputs: { now: '2019-05-23T00:00:00Z' },
      eventName: 'schedule',
      event: {},
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.summary).toContain(
      "<sub>Config: Codertocat/.github/.github/shipwell.yml \\(the org's; no Codertocat/Hello-World/.github/shipwell.yml\\)</sub>",
    );
    expect(result.outputs['well-packaged']).toBe('0');
    const [check] = verdictRuns(fake);
    expect(check).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    // The limit shown is the one the report judged by (its segment's rules), not the default 80.
    expect((check!.output as { summary: string }).summary).toContain('needs ≥ 90.0 %');
  });

  it('report mode says so, in the summary and as a warning, when the token may not read the config', async () => {
    const repo = fixtureRepo();
    repo.contentsForbidden = true;
    fake = await startFakeGitHub(repo);
    const result = await runBundle({
      apiUrl: fake.url,
      inputs: { now: '2019-05-23T00:00:00Z' },
      eventName: 'schedule',
      event: {},
    });
    expect(result.code).toBe(0);
    expect(result.summary).toMatch(
      /> \[!WARNING\]\n> No config could be read \(Codertocat\/Hello-World\/\.github\/shipwell\.yml\): this report uses the defaults\. Grant the token `contents: read`/,
    );
    expect(result.stdout).toMatch(
      /::warning::No config could be read, the defaults apply: the defaults: .*could not be read \(GitHub answered 403/,
    );
  });

  it('fails naming the org file, line and key of a bad org config', async () => {
    const dotGithub = emptyRepo('Codertocat', '.github', 2);
    dotGithub.files['.github/shipwell.yml'] = 'period: 14d\nminCoverage: eighty\n';
    fake = await startFakeGitHub([fixtureRepo(), dotGithub]);
    const result = await runBundle({ apiUrl: fake.url, inputs: {}, eventName: 'schedule', event: {} });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::Codertocat/.github/.github/shipwell.yml:2: minCoverage: expected a number from 0 to 100, found "eighty"',
    );
    expect(writes(fake)).toEqual([]);
  });

  it('org input: the report of every repository of the org, segments included, with the org config; writes nothing', async () => {
    fake = await startFakeGitHub(orgRepos());
    const result = await runBundle({
      apiUrl: fake.url,
      inputs: { org: 'acme', 'github-token': 'ghs_app_installation', now: '2019-05-23T00:00:00Z' },
      eventName: 'schedule',
      event: { schedule: '17 6 * * *' },
      repository: 'acme/kpis',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(writes(fake)).toEqual([]);
    const report = JSON.parse(await readFile(result.outputs.report!, 'utf8')) as Report;
    expect(report.releases.map((r) => [r.repo, r.tag, r.segment, r.status, r.coverage])).toEqual([
      ['acme/api', 'v1.0.0', 'cloud', 'well-packaged', 85],
      ['acme/ios-app', '1.0.0', 'ios', 'well-packaged', 75],
    ]);
    expect(report.segments.map((s) => [s.name, s.repos, s.rules.minCoverage])).toEqual([
      ['all', ['acme/.github', 'acme/api', 'acme/ios-app'], 80],
      ['cloud', ['acme/.github', 'acme/api'], 80],
      ['ios', ['acme/ios-app'], 70],
    ]);
    expect(result.outputs).toMatchObject({ status: '', releases: '2', 'well-packaged': '2', pending: '0' });
    expect(result.summary).toContain('## Shipwell KPIs');
    expect(result.summary).toContain('3 repositories of acme read; nothing written to GitHub');
    expect(result.summary).toContain('Config: acme/.github/.github/shipwell.yml');
    expect(result.stdout).toContain('shipwell: report mode for every repository of acme');
  });

  it('org input: refuses a mode or input that only fits one repository', async () => {
    fake = await startFakeGitHub(orgRepos());
    const result = await runBundle({
      apiUrl: fake.url,
      inputs: { org: 'acme', mode: 'rollback', release: 'v1.0.0' },
      eventName: 'workflow_dispatch',
      event: {},
      repository: 'acme/kpis',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /::error::input "org": reports on every repository of acme; it takes no mode "rollback", no release/,
    );
    expect(fake.requests).toEqual([]);
  });
});
