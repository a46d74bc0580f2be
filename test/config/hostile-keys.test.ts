// Config keys that name JavaScript's object machinery, and a history too
// large to compute (issue #12): each is a ConfigError naming the key and
// its line, never silently dropped, never a crash.
import { describe, expect, it } from 'vitest';
import { configFromObject, parseConfig, renderJsonSchema } from '../../src/config/index.ts';
import { configErrorOf } from './config-error-of.ts';

const FILE = '.github/shipwell.yml';

const configError = configErrorOf;

describe('__proto__, constructor and prototype keys', () => {
  it.each([
    ['overrides:\n  ios:\n    minCoverage: 70\n  __proto__:\n    minCoverage: 3\n', 'overrides.__proto__', 4],
    ['targets:\n  constructor:\n    share: 30\n', 'targets.constructor', 2],
    ['segments:\n  prototype: [api-*]\n', 'segments.prototype', 2],
    ['__proto__:\n  history: 3\n', '__proto__', 1],
    ['publish:\n  checkRun: true\n  constructor: false\n', 'publish.constructor', 3],
    ['overrides:\n  ios:\n    devops:\n      __proto__: {}\n', 'overrides.ios.devops.__proto__', 4],
  ])('%j is an unknown key with its line', (text, path, line) => {
    const error = configError(() => parseConfig({ text, file: FILE }));
    expect(error.issues).toContainEqual({ path, line, message: expect.stringMatching(/^unknown key/) });
    expect(error.message).toContain(`${FILE}:${line}: ${path}: unknown key`);
  });

  it('is reported beside the other problems of the file', () => {
    const error = configError(() =>
      parseConfig({ text: 'minCoverage: 120\noverrides:\n  __proto__: {minCoverage: 1}\n', file: FILE }),
    );
    expect(error.issues.map((issue) => [issue.path, issue.line])).toEqual([
      ['minCoverage', 1],
      ['overrides.__proto__', 3],
    ]);
  });

  it('is refused in an object read by Probot too (JSON with an own __proto__ key)', () => {
    const value = JSON.parse('{"overrides": {"__proto__": {"minCoverage": 1}}}');
    const error = configError(() => configFromObject({ value, file: FILE }));
    expect(error.issues).toContainEqual({ path: 'overrides.__proto__', line: null, message: expect.any(String) });
  });
});

describe('history', () => {
  it('is bounded: a million periods is a config error naming the bound', () => {
    const error = configError(() => parseConfig({ text: 'period: 14d\nhistory: 1000000\n', file: FILE }));
    expect(error.message).toBe(`${FILE}:2: history: expected a whole number from 0 to 1000, found 1000000`);
  });

  it('accepts the bound itself', () => {
    expect(parseConfig({ text: 'history: 1000\n', file: FILE }).history).toBe(1000);
  });

  it('states the bound in the JSON Schema', () => {
    const schema = JSON.parse(renderJsonSchema()) as { properties: { history: { maximum: number } } };
    expect(schema.properties.history.maximum).toBe(1000);
  });
});
