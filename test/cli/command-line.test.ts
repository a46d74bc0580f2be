// The `shipwell` command as a user runs it (bin/shipwell.js under Node):
// its version, mistyped flags and commands, GH_TOKEN, and the exit code of a
// network failure (README.md, "The command line").
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createReportCommand } from '../../cli/commands/report.ts';
import { InputError } from '../../cli/errors.ts';

const BIN = 'bin/shipwell.js';

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

afterEach(() => {
  nock.cleanAll();
});

describe('shipwell --version', () => {
  it("prints package.json's version and exits 0", () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = run([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });
});

describe('a mistyped flag or command', () => {
  it('names the closest flag of the command, exit 2, one line', () => {
    const kpis = run(['kpis', '--deliverie', 'x.jsonl']);
    expect(kpis.status).toBe(2);
    expect(kpis.stderr).toBe(
      "shipwell kpis: unknown option --deliverie; did you mean --deliveries?; see 'shipwell kpis --help'\n",
    );
    const report = run(['report', '--ogr=acme']);
    expect(report.status).toBe(2);
    expect(report.stderr).toMatch(/unknown option --ogr; did you mean --org\?/);
    const coverage = run(['coverage', 'lcov.info', '--fail-undr', '80']);
    expect(coverage.stderr).toMatch(/unknown option --fail-undr; did you mean --fail-under\?/);
  });

  it('suggests nothing for a flag far from every known one', () => {
    const r = run(['kpis', '--zzzzzzzz']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("shipwell kpis: unknown option --zzzzzzzz; see 'shipwell kpis --help'\n");
  });

  it('names the closest command and the closest top-level flag', () => {
    const command = run(['kpi']);
    expect(command.status).toBe(2);
    expect(command.stderr).toMatch(/^shipwell: unknown command 'kpi'; did you mean 'kpis'\?/);
    const flag = run(['--verison']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--verison'; did you mean '--version'\?/);
  });
});

describe('the token', () => {
  const API = 'https://api.github.test';

  it.each([
    [
      'GH_TOKEN, which wins over GITHUB_TOKEN',
      { GH_TOKEN: 'from-gh', GITHUB_TOKEN: 'from-github' },
      'from-gh',
      'GH_TOKEN',
    ],
    [
      'GITHUB_TOKEN when GH_TOKEN is blank',
      { GH_TOKEN: ' ', GITHUB_TOKEN: 'from-github' },
      'from-github',
      'GITHUB_TOKEN',
    ],
  ])('is read from %s, and named when GitHub refuses it', async (_, env, token, name) => {
    nock(API, { reqheaders: { authorization: `token ${token}` } })
      .get((path) => path.startsWith('/repos/acme/api/contents/'))
      .reply(401, { message: 'Bad credentials' })
      .get('/repos/acme/api')
      .reply(401, { message: 'Bad credentials' });
    const command = createReportCommand({ env: { ...env, GITHUB_API_URL: API }, fetch: globalThis.fetch });
    const io = { stdout: { write: () => true }, stderr: { write: () => true } };
    const error = await command.run(['--repo', 'acme/api'], io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${name}: GitHub refused the token (401 Bad credentials)`);
    expect(nock.isDone()).toBe(true);
  });
});

describe('a network failure', () => {
  it('exits 3 with one line naming the API root and the cause, no stack trace', async () => {
    // a port that was free a moment ago: the connection is refused
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const child = spawn(process.execPath, [BIN, 'report', '--repo', 'acme/api'], {
      env: { ...process.env, GITHUB_TOKEN: 't', GITHUB_API_URL: `http://127.0.0.1:${port}` },
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `shipwell report: http://127.0.0.1:${port}: no answer from GitHub (connect ECONNREFUSED 127.0.0.1:${port}) (exit 3: try again later)\n`,
    );
  }, 60_000);
});
