// `shipwell report --org` tells where it stands on stderr: a live line on a
// terminal, plain lines elsewhere (README.md, "Progress").
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/command.ts';
import { createReportCommand } from '../../cli/commands/report.ts';
import { type FakeOrg, startFakeOrg } from './fake-org.ts';

let fake: FakeOrg | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

/** A clock that moves one second each time it is read. */
function tickingClock(start = Date.parse('2026-03-20T12:00:00Z')) {
  let now = start;
  return () => {
    now += 1000;
    return now;
  };
}

function capture(terminal: boolean) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text), isTTY: terminal, columns: 200 },
  };
  return { out, io };
}

/** stderr without its first line, which names the config file(s) used. */
function progressOf(stderr: string): string {
  expect(stderr).toMatch(/^shipwell report: config: the defaults: no /);
  return stderr.slice(stderr.indexOf('\n') + 1);
}

const NOW = ['--now', '2026-03-20T00:00:00Z'];

describe('shipwell report progress', () => {
  it('logs plain lines with repositories, requests, rate limit left and time to go where stderr is no terminal', async () => {
    fake = await startFakeOrg({ org: 'acme', repos: ['api', 'web', 'ios'] });
    const command = createReportCommand({
      env: { GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url },
      clock: tickingClock(),
      progressInterval: 1,
    });
    const { out, io } = capture(false);
    await command.run(['--org', 'acme', ...NOW], io);
    const lines = progressOf(out.stderr).trimEnd().split('\n');
    expect(lines.every((line) => line.startsWith('shipwell report: '))).toBe(true);
    expect(out.stderr).not.toContain('\r');
    // the archived repository not pushed to since the horizon is not counted
    // the config reads spent a little of the budget before collection began
    expect(
      lines.some((line) => /^shipwell report: 0\/3 repositories, 1 request, rate limit 4,9\d\d left$/.test(line)),
    ).toBe(true);
    // newest periods first across the org: every repository's recent window before any is complete
    expect(
      lines.some((line) =>
        /^shipwell report: 0\/3 repositories, recent periods of 1\/3 read, \d+ requests, rate limit [\d,]+ left, about \d+ min to go$/.test(
          line,
        ),
      ),
    ).toBe(true);
    expect(lines.some((line) => line.includes('recent periods of all read (partial report ready)'))).toBe(true);
    expect(lines.some((line) => line.startsWith('shipwell report: 3/3 repositories'))).toBe(true);
    expect(lines.at(-1)).toMatch(
      /^shipwell report: collected 3 repositories with \d+ requests in (\d+ min|less than a minute)$/,
    );
    expect(JSON.parse(out.stdout)).toHaveProperty('segments');
  });

  it('prints nothing on a log for work shorter than the interval', async () => {
    fake = await startFakeOrg({ org: 'acme', repos: ['api'] });
    const command = createReportCommand({ env: { GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url }, clock: () => 0 });
    const { out, io } = capture(false);
    await command.run(['--org', 'acme', ...NOW], io);
    expect(progressOf(out.stderr)).toBe('');
  });

  it('keeps one live line on a terminal and erases it at the end', async () => {
    fake = await startFakeOrg({ org: 'acme', repos: ['api', 'web'] });
    const command = createReportCommand({
      env: { GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url },
      clock: tickingClock(),
    });
    const { out, io } = capture(true);
    await command.run(['--org', 'acme', ...NOW], io);
    const live = progressOf(out.stderr);
    expect(live).not.toContain('\n');
    const frames = live.split('\r\x1b[2K').slice(1);
    expect(frames.length).toBeGreaterThan(3);
    expect(
      frames.some((frame) => /^shipwell report: 0\/2 repositories, 1 request, rate limit 4,9\d\d left$/.test(frame)),
    ).toBe(true);
    expect(frames.some((frame) => frame.startsWith('shipwell report: 2/2 repositories'))).toBe(true);
    expect(frames.at(-1)).toBe('');
  });

  it('shows progress for one repository too', async () => {
    fake = await startFakeOrg({ org: 'acme', repos: ['api'] });
    const command = createReportCommand({
      env: { GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url },
      clock: tickingClock(),
      progressInterval: 1,
    });
    const { out, io } = capture(false);
    await command.run(['--repo', 'acme/api', ...NOW], io);
    expect(progressOf(out.stderr)).toMatch(/shipwell report: 0\/1 repository, 1 request, rate limit 4,9\d\d left/);
    expect(out.stderr).toMatch(/collected 1 repository with \d+ requests/);
  });
});
