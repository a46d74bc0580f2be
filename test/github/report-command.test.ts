import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReportCommand } from '../../cli/commands/report.ts';
import { InputError } from '../../cli/errors.ts';
import { readConfigFile } from '../../cli/read-config-file.ts';
import type { Report } from '../../src/report/types.ts';
import { COMMIT, fixtureRepo } from '../action/fixture-repo.ts';
import { emptyRepo, type FakeGitHub, startFakeGitHub } from './fake-github.ts';

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
    },
  };
}

describe('shipwell report', () => {
  it('collects a repository through the API and prints the JSON report with what it could not read', async () => {
    const repo = fixtureRepo();
    repo.alerts = 'forbidden';
    fake = await startFakeGitHub(repo);
    const command = createReportCommand({ env: { GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url } });
    const { out, io } = capture();
    await command.run(['--repo', 'Codertocat/Hello-World', '--now', '2019-05-23T00:00:00Z'], io);
    const report = JSON.parse(out.stdout) as Report & { collection: { unavailable: { part: string }[] } };
    expect(report.releases).toEqual([
      expect.objectContaining({ tag: '0.0.1', sha: COMMIT, status: 'well-packaged', coverage: 85 }),
    ]);
    expect(report.collection.unavailable.map((u) => u.part)).toEqual(['Dependabot alerts']);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);

    const markdown = capture();
    await command.run(
      ['--repo', 'Codertocat/Hello-World', '--now', '2019-05-23T00:00:00Z', '--format', 'markdown'],
      markdown.io,
    );
    expect(markdown.out.stdout).toContain('## Shipwell KPIs');
    expect(markdown.out.stdout).toContain('Dependabot alerts: not available: needs');
  });

  it('rejects bad flags and a repository GitHub does not know with exit-2 errors', async () => {
    fake = await startFakeGitHub(fixtureRepo());
    const command = createReportCommand({ env: { GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url } });
    const { io } = capture();
    await expect(command.run(['--repo', 'nope'], io)).rejects.toThrow(/--repo: expected OWNER\/NAME, found "nope"/);
    await expect(command.run(['--repo', 'a/b', '--org', 'c'], io)).rejects.toThrow(/exactly one of --repo/);
    await expect(command.run(['--repo', 'acme/missing'], io)).rejects.toBeInstanceOf(InputError);
  });
});

describe('shipwell report: the config, as the App reads it', () => {
  const NOW = ['--now', '2019-05-23T00:00:00Z'];
  const orgRepo = () => {
    const dotGithub = emptyRepo('Codertocat', '.github', 2);
    dotGithub.files['.github/shipwell.yml'] = '_extends: settings\nsegment: mobile\n';
    const settings = emptyRepo('Codertocat', 'settings', 3);
    settings.files['.github/shipwell.yml'] = 'minCoverage: 90\n';
    return [fixtureRepo(), dotGithub, settings];
  };
  const run = async (args: string[]) => {
    const command = createReportCommand({ env: { GITHUB_TOKEN: 't', GITHUB_API_URL: fake!.url } });
    const { out, io } = capture();
    await command.run([...args, ...NOW], io);
    return { ...out, report: JSON.parse(out.stdout) as Report };
  };

  it("falls back to the org's .github repository, follows _extends, and says which files it used", async () => {
    fake = await startFakeGitHub(orgRepo());
    const { stderr, report } = await run(['--repo', 'Codertocat/Hello-World']);
    expect(stderr).toContain(
      "shipwell report: config: Codertocat/.github/.github/shipwell.yml (the org's; no Codertocat/Hello-World/.github/shipwell.yml) extending Codertocat/settings/.github/shipwell.yml\n",
    );
    expect(report.releases).toEqual([
      expect.objectContaining({
        segment: 'mobile',
        status: 'not-well-packaged',
        reasons: ['coverage-below-threshold'],
      }),
    ]);
    expect(report.segments.find((s) => s.name === 'mobile')?.rules.minCoverage).toBe(90);
  });

  it('reads the org config for --org, and a --config file in place of the own one, _extends followed', async () => {
    fake = await startFakeGitHub(orgRepo());
    const org = await run(['--org', 'Codertocat']);
    expect(org.stderr).toMatch(/config: Codertocat\/\.github\/\.github\/shipwell\.yml extending Codertocat\/settings/);
    expect(org.report.segments.map((s) => s.name)).toEqual(['all', 'mobile']);

    const dir = await mkdtemp(join(tmpdir(), 'shipwell-config-'));
    const file = join(dir, 'shipwell.yml');
    await writeFile(file, '_extends: settings\nminCoverage: 80\n');
    const local = await run(['--repo', 'Codertocat/Hello-World', '--config', file]);
    expect(local.stderr).toContain(`config: ${file} extending Codertocat/settings/.github/shipwell.yml\n`);
    expect(local.report.releases[0]).toMatchObject({ segment: 'unsegmented', status: 'well-packaged' });

    await writeFile(file, '_extends: nowhere\n');
    await expect(run(['--repo', 'Codertocat/Hello-World', '--config', file])).rejects.toThrow(
      new InputError(
        `${file}:1: _extends: Codertocat/nowhere/.github/shipwell.yml not found (or not visible to this token)`,
      ),
    );
  });

  it('says so when the token may not read the config, and reports with the defaults', async () => {
    const repos = orgRepo();
    repos[0]!.contentsForbidden = true;
    fake = await startFakeGitHub(repos);
    const { stderr, report } = await run(['--repo', 'Codertocat/Hello-World']);
    expect(stderr).toContain(
      'config: the defaults: Codertocat/Hello-World/.github/shipwell.yml could not be read (GitHub answered 403: Resource not accessible by integration)',
    );
    expect(stderr).toMatch(/warning: the token may not read the config, so the report uses the defaults/);
    expect(report.releases[0]).toMatchObject({ segment: 'unsegmented', status: 'well-packaged' });
  });
});

describe('shipwell kpis: the config file', () => {
  it('refuses _extends, which it cannot follow offline, naming the file and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shipwell-config-'));
    const file = join(dir, 'shipwell.yml');
    await writeFile(file, 'minCoverage: 70\n_extends: .github\n');
    await expect(readConfigFile(file)).rejects.toThrow(
      new InputError(
        `${file}:2: _extends: cannot follow ".github" here: only a reader with GitHub access follows _extends (shipwell report, the Action, the App)`,
      ),
    );
    await writeFile(file, 'minCoverage: 70\n');
    expect((await readConfigFile(file)).config.minCoverage).toBe(70);
  });
});
