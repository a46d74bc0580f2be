import { afterEach, describe, expect, it } from 'vitest';
import { createReportCommand } from '../../cli/commands/report.ts';
import { InputError } from '../../cli/errors.ts';
import type { Report } from '../../src/report/types.ts';
import { COMMIT, fixtureRepo } from '../action/fixture-repo.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';

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
