// Segment globs are compiled to RE2 (linear time in the name, issue #12):
// the syntax docs/configuration.md promises, and a config error with key and
// line for what it refuses.
import { describe, expect, it } from 'vitest';
import { compileGlob, parseConfig } from '../../src/config/index.ts';

describe('compileGlob', () => {
  it.each([
    ['ios-*', ['ios-app', 'IOS-APP', 'ios-'], ['payments-ios', 'ios/app']],
    ['*-ios', ['payments-ios'], ['ios-app']],
    ['acme/web-*', ['acme/web-ui', 'ACME/Web-2'], ['acme/api', 'other/web-ui']],
    ['**/onprem-*', ['x/onprem-1', 'onprem-1', 'a/b/onprem-2'], ['x/cloud']],
    ['**', ['a', 'a/b/c'], []],
    ['a/**', ['a', 'a/b', 'a/b/c'], ['ab', 'b/a']],
    ['a/**/b', ['a/b', 'a/x/y/b'], ['a/xb']],
    ['a**b', ['ab', 'axxb'], ['a/b']],
    ['a?c', ['abc', 'a.c'], ['ac', 'a/c', 'abbc']],
    ['[abc]x', ['ax', 'cx'], ['dx']],
    ['[!a]x', ['bx', 'dx'], ['ax', '/x']],
    ['[^a]x', ['bx'], ['ax']],
    ['[a-c]*', ['alpha', 'c'], ['delta']],
    ['{api,web}-*', ['api-1', 'web-2'], ['app-1']],
    ['x{a,{b,c}}', ['xa', 'xb', 'xc'], ['xd', 'x']],
    ['!ios-*', ['cloud', 'payments-ios'], ['ios-app']],
    ['.github', ['.github'], ['xgithub']],
    ['api.v2', ['api.v2'], ['apixv2']],
    ['a\\*b', ['a*b'], ['axb']],
    ['a+b$', ['a+b$'], ['aab']],
  ])('%s', (glob, matching, other) => {
    const compiled = compileGlob(glob);
    for (const name of matching) expect([name, compiled.test(name)]).toEqual([name, true]);
    for (const name of other) expect([name, compiled.test(name)]).toEqual([name, false]);
  });

  it('answers a glob of many stars against a long name', () => {
    // picomatch's backtracking regex took 17 s on this; the fault suite bounds the time
    expect(compileGlob('*a*a*a*a*a*a*a*b').test('a'.repeat(60))).toBe(false);
    expect(compileGlob('*a*a*a*a*a*a*a*b').test(`${'a'.repeat(60)}b`)).toBe(true);
  });
});

describe('segment globs in config', () => {
  it.each([
    [
      'segments:\n  ios: [ios-*]\n  cloud: ["@(api|web)-*"]\n',
      3,
      'segments.cloud[0]',
      '`(` (extglob groups) is not supported',
    ],
    ['segments:\n  ios:\n    - ios-*\n    - "{ios,mac"\n', 4, 'segments.ios[1]', 'a { is never closed'],
    ['segments:\n  ios: ["ios\\\\"]\n', 2, 'segments.ios[0]', 'a trailing \\ escapes nothing'],
  ])('%j is a config error with key and line', (text, line, path, reason) => {
    expect(() => parseConfig({ text, file: 'shipwell.yml' })).toThrow(
      `shipwell.yml:${line}: ${path}: expected a repository name or glob: ${reason}`,
    );
  });
});
