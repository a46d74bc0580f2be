import { describe, expect, it } from 'vitest';
import { configFromObject, matchesPattern, parseConfig } from '../../src/config/index.ts';
import { configErrorOf } from './config-error-of.ts';

const FILE = '.github/shipwell.yml';
const DAY = 86_400_000;

const configError = configErrorOf;

describe('parseConfig', () => {
  it('reads every duration form', () => {
    const config = parseConfig({
      text: 'period: 2w\nrollbackWindow: 12h\npatches:\n  sla: { critical: 30m, high: 45s, medium: 3d }\n',
      file: FILE,
    });
    expect(config.period).toBe(14 * DAY);
    expect(config.rollbackWindow).toBe(12 * 3_600_000);
    expect(config.patches.sla).toEqual({ critical: 30 * 60_000, high: 45_000, medium: 3 * DAY, low: 7 * DAY });
  });

  it('reads patterns: regex searched anywhere, plain text exact', () => {
    const config = parseConfig({
      text: 'rollback:\n  workflows: ["/undo/", "Roll back prod"]\ndevops:\n  hotfixPattern: urgent\n',
      file: FILE,
    });
    const [regex, exact] = config.rollback.workflows;
    expect(matchesPattern(regex!, 'please undo it')).toBe(true);
    expect(matchesPattern(exact!, 'Roll back prod')).toBe(true);
    expect(matchesPattern(exact!, 'Roll back prod now')).toBe(false);
    expect(matchesPattern(config.devops.hotfixPattern, 'urgent-fix')).toBe(false);
  });

  it('keeps segments in file order, integer-like names included', () => {
    const config = parseConfig({
      text: 'segments:\n  ios: ["ios-*"]\n  "2024": [legacy]\n  cloud: ["acme/**"]\n',
      file: FILE,
    });
    expect(config.segments).toEqual([
      { name: 'ios', patterns: ['ios-*'] },
      { name: '2024', patterns: ['legacy'] },
      { name: 'cloud', patterns: ['acme/**'] },
    ]);
  });

  it('keeps an unquoted periodAnchor a string (YAML core schema) and reads it', () => {
    const config = parseConfig({ text: 'periodAnchor: 2025-06-02T08:00:00+02:00\n', file: FILE });
    expect(config.periodAnchor).toBe(Date.UTC(2025, 5, 2, 6));
  });

  it('accepts and ignores _extends', () => {
    const config = parseConfig({ text: '_extends: .github\nminCoverage: 70\n', file: FILE });
    expect(config.minCoverage).toBe(70);
    expect(config).not.toHaveProperty('_extends');
  });

  it('accepts YAML anchors, aliases and merge keys', () => {
    const config = parseConfig({
      text: 'overrides:\n  ios: &mobile { minCoverage: 70 }\n  android: *mobile\n  watch: { <<: *mobile, maxDevopsActivities: 2 }\n',
      file: FILE,
    });
    expect(config.overrides).toEqual({
      ios: { minCoverage: 70 },
      android: { minCoverage: 70 },
      watch: { minCoverage: 70, maxDevopsActivities: 2 },
    });
  });

  it('names the closest key for a typo, with its line', () => {
    const error = configError(() => parseConfig({ text: 'period: 14d\nminCoverge: 70\n', file: FILE }));
    expect(error.issues).toEqual([
      { path: 'minCoverge', line: 2, message: 'unknown key; did you mean "minCoverage"?' },
    ]);
    expect(error.message).toBe('.github/shipwell.yml:2: minCoverge: unknown key; did you mean "minCoverage"?');
  });

  it('lists the valid keys when no known key is close', () => {
    const error = configError(() => parseConfig({ text: 'publish:\n  slack: true\n', file: FILE }));
    expect(error.issues[0]).toEqual({
      path: 'publish.slack',
      line: 2,
      message: 'unknown key; expected one of: checkRun, releaseNotes, failOnNotWellPackaged',
    });
  });

  it('reports every problem at once, each with its path, line, expectation and finding', () => {
    const text = [
      'segments:', //  1
      '  cloud: [api]', //  2
      'minCoverage: eighty', //  3
      'period: fortnight', //  4
      'history: -1', //  5
      'rollback:', //  6
      '  signals: [redeploy, rumour]', //  7
      '  workflows: ["/(unclosed/"]', //  8
      'overrides:', //  9
      '  ios:', // 10
      '    minCoverage: 170', // 11
      '    patches:', // 12
      '      sla: { critical: 1d, hihg: 2d }', // 13
      'publish:', // 14
      '  checkRun: yes', // 15
      '',
    ].join('\n');
    const error = configError(() => parseConfig({ text, file: FILE }));
    expect(error.issues).toEqual([
      { path: 'minCoverage', line: 3, message: 'expected a number from 0 to 100, found "eighty"' },
      {
        path: 'period',
        line: 4,
        message: 'expected a duration: a positive number and a unit, like 7d, 12h, 30m, 45s or 2w, found "fortnight"',
      },
      { path: 'history', line: 5, message: 'expected a whole number from 0 to 1000, found -1' },
      {
        path: 'rollback.signals[1]',
        line: 7,
        message:
          'expected one of "redeploy", "retracted", "workflow", "label", "revert-pr", "recorded", found "rumour"',
      },
      {
        path: 'rollback.workflows[0]',
        line: 8,
        message: expect.stringMatching(/^expected a valid regular expression \(.+\), found "\/\(unclosed\/"$/),
      },
      { path: 'overrides.ios.minCoverage', line: 11, message: 'expected a number from 0 to 100, found 170' },
      { path: 'overrides.ios.patches.sla.hihg', line: 13, message: 'unknown key; did you mean "high"?' },
      { path: 'publish.checkRun', line: 15, message: 'expected true or false, found "yes"' },
    ]);
    expect(error.message.split('\n')).toHaveLength(8);
    expect(error.message.split('\n')[0]).toBe(
      '.github/shipwell.yml:3: minCoverage: expected a number from 0 to 100, found "eighty"',
    );
  });

  it('rejects a zero duration and a time without a zone', () => {
    const error = configError(() =>
      parseConfig({ text: 'rollbackWindow: 0d\nperiodAnchor: "2024-01-01T00:00:00"\n', file: FILE }),
    );
    expect(error.issues.map((i) => [i.path, i.line])).toEqual([
      ['rollbackWindow', 1],
      ['periodAnchor', 2],
    ]);
    expect(error.issues[1]!.message).toContain('found "2024-01-01T00:00:00"');
  });

  it('rejects a wrong type for a whole section', () => {
    const error = configError(() => parseConfig({ text: 'rollback: 5\nsegments: [a]\n', file: FILE }));
    expect(error.issues).toEqual([
      { path: 'rollback', line: 1, message: 'expected a mapping (keys: signals, workflows, labels), found 5' },
      {
        path: 'segments',
        line: 2,
        message: 'expected a mapping of segment name to a list of repository names or globs, found a list of 1 item',
      },
    ]);
  });

  it('reserves the segment name all for the aggregate', () => {
    const error = configError(() => parseConfig({ text: 'segment: all\noverrides:\n  all: {}\n', file: FILE }));
    expect(error.issues.map((i) => [i.path, i.line])).toEqual([
      ['segment', 1],
      ['overrides.all', 3],
    ]);
  });

  it('rejects a file that is not a mapping', () => {
    const error = configError(() => parseConfig({ text: '- minCoverage: 70\n', file: FILE }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: '', line: 1 });
    expect(error.message).toMatch(
      /^\.github\/shipwell\.yml:1: expected a mapping \(keys: .*\), found a list of 1 item$/,
    );
  });

  it('reports a YAML syntax error with its line', () => {
    const error = configError(() =>
      parseConfig({ text: 'period: 14d\nminCoverage: 70\nminCoverage: 80\n', file: FILE }),
    );
    expect(error.issues).toEqual([{ path: '', line: 3, message: 'invalid YAML: Map keys must be unique' }]);
    expect(error.message).toBe('.github/shipwell.yml:3: invalid YAML: Map keys must be unique');
  });

  it('reports an unclosed flow list with the line where YAML gave up', () => {
    const error = configError(() =>
      parseConfig({ text: 'rollback:\n  labels: [rollback, revert\nperiod: 7d\n', file: FILE }),
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.line).toBe(3);
    expect(error.message).toMatch(/^\.github\/shipwell\.yml:3: invalid YAML: /);
  });

  it('reports an alias to a missing anchor', () => {
    const error = configError(() => parseConfig({ text: 'overrides:\n  ios: *nothing\n', file: FILE }));
    expect(error.issues[0]!.message).toMatch(/^invalid YAML: /);
  });
});

describe('configFromObject', () => {
  it('accepts periodAnchor as a Date (as js-yaml gives an unquoted timestamp)', () => {
    const config = configFromObject({ value: { periodAnchor: new Date(Date.UTC(2025, 0, 6)) }, file: FILE });
    expect(config.periodAnchor).toBe(Date.UTC(2025, 0, 6));
  });

  it('accepts periodAnchor as an ISO string with a zone', () => {
    const config = configFromObject({ value: { periodAnchor: '2025-01-06T00:00:00.000+01:00' }, file: FILE });
    expect(config.periodAnchor).toBe(Date.UTC(2025, 0, 5, 23));
  });

  it('rejects an invalid Date', () => {
    const error = configError(() => configFromObject({ value: { periodAnchor: new Date(Number.NaN) }, file: FILE }));
    expect(error.issues).toEqual([
      {
        path: 'periodAnchor',
        line: null,
        message: 'expected an ISO-8601 instant with a zone, like "2024-01-01T00:00:00Z", found an invalid date',
      },
    ]);
  });

  it('accepts and ignores _extends (Probot context.config)', () => {
    const config = configFromObject({ value: { _extends: '.github', history: 2 }, file: FILE });
    expect(config.history).toBe(2);
    expect(config).not.toHaveProperty('_extends');
  });

  it('rejects _extends below the top level', () => {
    const error = configError(() => configFromObject({ value: { publish: { _extends: 'x' } }, file: FILE }));
    expect(error.issues[0]!.path).toBe('publish._extends');
  });

  it('reports issues without lines, formatted file: path: message', () => {
    const error = configError(() => configFromObject({ value: { minCoverge: 70, history: 1.5 }, file: FILE }));
    expect(error.message.split('\n').sort()).toEqual(
      [
        '.github/shipwell.yml: minCoverge: unknown key; did you mean "minCoverage"?',
        '.github/shipwell.yml: history: expected a whole number from 0 to 1000, found 1.5',
      ].sort(),
    );
  });

  it('gives the defaults for no file (null)', () => {
    expect(configFromObject({ value: null, file: FILE }).minCoverage).toBe(80);
  });

  it('is an Error with a name', () => {
    const error = configError(() => configFromObject({ value: { minCoverage: 'x' }, file: FILE }));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.file).toBe(FILE);
  });
});
