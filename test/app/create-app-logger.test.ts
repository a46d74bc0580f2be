// The App's logger as Probot and the App use it (docs/app.md, "Logs"):
// every line one JSON object without a key twice, one name each.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../support/find-duplicate-keys.ts';

/** Runs `body` in a child process with the logger of `env`; its stdout lines. */
function logLines(env: Record<string, string>, body: string): string[] {
  const script = `
    import { createAppLogger } from './app/create-app-logger.ts';
    const log = await createAppLogger(${JSON.stringify(env)});
    ${body}
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter((line) => line !== '');
}

describe('createAppLogger', () => {
  it("names each line once, joining Probot's nested names, and keeps a logged object's own name aside", () => {
    const lines = logLines(
      { LOG_FORMAT: 'json', LOG_LEVEL: 'debug' },
      `
      const probot = log.child({ name: 'probot' });
      probot.info('probot line');
      const github = probot.child({ name: 'github' });
      github.debug({ name: 'Shipwell KPIs', head_sha: 'abc' }, 'GitHub request: POST /check-runs');
      github.child({ id: 7 }).info('nested without a name');
      log.child({ name: 'shipwell' }).child({ repo: 'acme/api' }).info({ msg: 'inner', level: 'x' }, 'ours');
      `,
    );
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(findDuplicateKeys(line), line).toEqual([]);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map((line) => line.name)).toEqual(['probot', 'probot/github', 'probot/github', 'shipwell']);
    expect(parsed[1]).toMatchObject({ level: 20, head_sha: 'abc', fields: { name: 'Shipwell KPIs' } });
    expect(parsed[2]).toMatchObject({ id: 7, msg: 'nested without a name' });
    expect(parsed[3]).toMatchObject({ repo: 'acme/api', msg: 'ours', level: 30, fields: { msg: 'inner', level: 'x' } });
  });

  it('defaults to info and refuses an unknown LOG_LEVEL', () => {
    expect(
      logLines({ LOG_FORMAT: 'json' }, "log.debug('hidden'); log.info('shown');").map((l) => JSON.parse(l).msg),
    ).toEqual(['shown']);
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { createAppLogger } from './app/create-app-logger.ts'; await createAppLogger({ LOG_LEVEL: 'verbose' });",
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toMatch(
      /LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, silent, found "verbose"/,
    );
  });

  it('says how to install Sentry when SENTRY_DSN is set without it', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { createAppLogger } from './app/create-app-logger.ts'; await createAppLogger({ SENTRY_DSN: 'https://key@sentry.example/1' });",
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('SENTRY_DSN is set but @sentry/node is not installed');
    expect(run.stderr).toContain('npm install --no-save @sentry/node@9.43.0');
  });
});
