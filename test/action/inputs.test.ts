import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chooseMode } from '../../action/choose-mode.ts';
import { fitJobSummary, JOB_SUMMARY_LIMIT } from '../../action/fit-job-summary.ts';
import { INPUT_NAMES } from '../../action/inputs.ts';
import { readInputs } from '../../action/read-inputs.ts';
import { selectReleases } from '../../action/select-releases.ts';
import type { ReleaseReport } from '../../src/report/types.ts';
import { DAY, parseInstant } from '../../src/time/index.ts';

const actionYml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

const GITHUB_TOKEN_DEFAULT = ['${{', 'github.token', '}}'].join(' ');
const given = (values: Record<string, string>) => (name: string) =>
  values[name] ?? (actionYml.inputs[name]?.default ?? '').replace(GITHUB_TOKEN_DEFAULT, 'ghs_x');

describe('action.yml and the input schema', () => {
  it('declare the same inputs', () => {
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(actionYml.inputs).sort());
  });

  it('declare the outputs docs/action.md lists and run the committed bundle on node24', () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual(
      ['status', 'well-packaged', 'releases', 'pending', 'patch-coverage', 'coverage', 'report'].sort(),
    );
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'action/dist/index.js' });
  });

  it('reads action.yml defaults into typed values', () => {
    expect(readInputs(given({}))).toEqual({
      mode: 'auto',
      'github-token': 'ghs_x',
      config: '.github/shipwell.yml',
      'coverage-files': [],
      'coverage-format': 'auto',
      segment: null,
      release: null,
      org: null,
      reason: null,
      now: null,
      'fail-under': null,
    });
    const set = readInputs(
      given({ 'coverage-files': 'a.info, b/*.xml\nc.json', now: '2026-03-20T00:00:00+00:00', 'fail-under': 'true' }),
    );
    expect(set['coverage-files']).toEqual(['a.info', 'b/*.xml', 'c.json']);
    expect(set.now).toBe(parseInstant('2026-03-20T00:00:00Z'));
    expect(set['fail-under']).toBe('min-coverage');
  });

  it('reads org as an organisation login', () => {
    expect(readInputs(given({ org: ' acme-labs ' })).org).toBe('acme-labs');
    expect(() => readInputs(given({ org: 'acme/api' }))).toThrow(
      /input "org": expected an organisation login, like "acme", found "acme\/api"/,
    );
  });

  it('names every bad input at once, with what was expected and found', () => {
    expect(() => readInputs(given({ mode: 'reprot', 'fail-under': '120', now: 'today' }))).toThrow(
      /input "mode": expected .*report.*found "reprot".*input "now": expected an ISO-8601 time.*found "today".*input "fail-under": expected a percent.*found "120"/,
    );
  });

  it.each([
    ['2026-02-30T00:00:00Z', 'February 2026 has 28 days'],
    ['2026-02-29T00:00:00Z', 'February 2026 has 28 days'],
    ['2026-03-20T24:00:00Z', 'hours run from 00 to 23'],
  ])('refuses now "%s": not a real calendar time, never a rolled-over date', (now, why) => {
    expect(() => readInputs(given({ now }))).toThrow(
      new RegExp(`^input "now": "${now}" is not a real calendar time \\(${why}\\)$`),
    );
  });
});

describe('chooseMode', () => {
  const inputs = { mode: 'auto' as const, 'coverage-files': [] as string[], org: null, segment: null, release: null };
  it('reports on release, schedule and workflow_dispatch; otherwise covers when files are given', () => {
    expect(chooseMode({ inputs, eventName: 'release' })).toBe('report');
    expect(chooseMode({ inputs, eventName: 'schedule' })).toBe('report');
    expect(chooseMode({ inputs, eventName: 'workflow_dispatch' })).toBe('report');
    expect(chooseMode({ inputs: { ...inputs, 'coverage-files': ['x'] }, eventName: 'push' })).toBe('coverage');
    expect(chooseMode({ inputs: { ...inputs, mode: 'rollback' }, eventName: 'push' })).toBe('rollback');
    expect(() => chooseMode({ inputs, eventName: 'push' })).toThrow(/"push" event without "coverage-files"/);
  });

  it('reports on the organisation with org, whatever the event, and refuses what only fits one repository', () => {
    expect(chooseMode({ inputs: { ...inputs, org: 'acme' }, eventName: 'push' })).toBe('report');
    expect(chooseMode({ inputs: { ...inputs, org: 'acme', mode: 'report' }, eventName: 'schedule' })).toBe('report');
    expect(() =>
      chooseMode({ inputs: { ...inputs, org: 'acme', mode: 'coverage', segment: 'ios' }, eventName: 'push' }),
    ).toThrow(/input "org": .* it takes no mode "coverage", no segment/);
    expect(() => chooseMode({ inputs: { ...inputs, org: 'acme', release: 'v1' }, eventName: 'push' })).toThrow(
      /no release/,
    );
  });
});

describe('selectReleases', () => {
  const now = parseInstant('2026-03-20T00:00:00Z')!;
  const release = (tag: string, status: ReleaseReport['status'], windowEnd: number, repo = 'acme/api') =>
    ({ repo, tag, status, windowEnd: new Date(windowEnd).toISOString() }) as ReleaseReport;
  const report = {
    releases: [
      release('v1', 'well-packaged', now - 30 * DAY),
      release('v2', 'not-well-packaged', now - 2 * DAY),
      release('v3', 'pending', now + 3 * DAY),
      release('v9', 'pending', now + 3 * DAY, 'acme/web'),
    ],
  };
  it('publishes pending releases, recently decided ones and the event’s, of this repo only', () => {
    const tags = (list: ReleaseReport[]) => list.map((r) => r.tag);
    expect(tags(selectReleases({ report, repo: 'acme/api', only: null, eventTag: null, now }))).toEqual(['v2', 'v3']);
    expect(tags(selectReleases({ report, repo: 'acme/api', only: null, eventTag: 'v1', now }))).toEqual([
      'v1',
      'v2',
      'v3',
    ]);
    expect(tags(selectReleases({ report, repo: 'acme/api', only: 'v1', eventTag: null, now }))).toEqual(['v1']);
  });
});

describe('fitJobSummary', () => {
  it('keeps the summary within 1 MiB and says when it cut', () => {
    const part = 'é'.repeat(300_000);
    const summary = fitJobSummary(['# head', part, part, part]);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT);
    expect(summary).toMatch(/cut to fit GitHub’s 1 MiB job-summary limit/);
    expect(fitJobSummary(['a', '', 'b'])).toBe('a\n\nb\n');
  });
});
