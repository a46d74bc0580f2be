import { describe, expect, it } from 'vitest';
import { matchesPattern, parseConfig, parsePattern } from '../../src/config/index.ts';

describe('parsePattern', () => {
  it('reads /…/flags as a regex and keeps the text as written', () => {
    const pattern = parsePattern('/hotfix/i');
    expect(pattern.kind).toBe('regex');
    expect(pattern.source).toBe('/hotfix/i');
  });

  it('reads anything else as exact text', () => {
    expect(parsePattern('Roll back')).toEqual({ kind: 'exact', source: 'Roll back' });
    expect(parsePattern('/not-closed')).toEqual({ kind: 'exact', source: '/not-closed' });
    expect(parsePattern('//')).toEqual({ kind: 'exact', source: '//' });
  });

  it('throws on an invalid regex or flag', () => {
    expect(() => parsePattern('/(/')).toThrow(SyntaxError);
    expect(() => parsePattern('/a/q')).toThrow(SyntaxError);
  });
});

describe('matchesPattern', () => {
  it('searches a regex anywhere in the text', () => {
    const pattern = parsePattern('/rollback|roll back|revert/i');
    expect(matchesPattern(pattern, 'Rollback production')).toBe(true);
    expect(matchesPattern(pattern, 'prod: Roll Back')).toBe(true);
    expect(matchesPattern(pattern, 'deploy')).toBe(false);
  });

  it('honours anchors inside a regex', () => {
    const pattern = parsePattern('/^v\\d+$/');
    expect(matchesPattern(pattern, 'v12')).toBe(true);
    expect(matchesPattern(pattern, 'release v12')).toBe(false);
  });

  it('is case-sensitive without the i flag', () => {
    expect(matchesPattern(parsePattern('/hotfix/'), 'HOTFIX')).toBe(false);
  });

  it('matches exact text only when equal to the whole text', () => {
    const pattern = parsePattern('Rollback');
    expect(matchesPattern(pattern, 'Rollback')).toBe(true);
    expect(matchesPattern(pattern, 'Rollback prod')).toBe(false);
    expect(matchesPattern(pattern, 'rollback')).toBe(false);
  });

  it('treats regex characters in exact text literally', () => {
    expect(matchesPattern(parsePattern('a.c'), 'abc')).toBe(false);
    expect(matchesPattern(parsePattern('a.c'), 'a.c')).toBe(true);
  });

  it('gives the same answer every time, even with the g or y flag', () => {
    for (const source of ['/fix/g', '/fix/y', '/fix/gy']) {
      const pattern = parsePattern(source);
      const answers = [1, 2, 3].map(() => matchesPattern(pattern, 'hotfix'));
      expect(answers).toEqual([true, true, true]);
    }
  });
});

describe('linear-time patterns (RE2)', () => {
  it.each([
    ['/(a)\\1/', '`\\1` is a backreference'],
    ['/(?<n>a)\\k<n>/', '`\\k<n>` is a backreference'],
    ['/hot(?=fix)/', '`(?=` is a lookaround'],
    ['/hot(?!fix)/', '`(?!` is a lookaround'],
    ['/(?<=hot)fix/', '`(?<=` is a lookaround'],
    ['/(?<!hot)fix/', '`(?<!` is a lookaround'],
    ['/a/v', 'the v flag'],
  ])('refuses %s, naming why', (source, reason) => {
    expect(() => parsePattern(source)).toThrow(reason);
  });

  it('is a config error naming the key and its line', () => {
    expect(() =>
      parseConfig({ text: 'rollback:\n  workflows:\n    - deploy\n    - "/(a)\\\\1/"\n', file: 'shipwell.yml' }),
    ).toThrow(
      'shipwell.yml:4: rollback.workflows[1]: expected a regular expression that can be matched in linear time, without backreferences or lookaround (`\\1` is a backreference), found "/(a)\\\\1/"',
    );
    expect(() =>
      parseConfig({ text: 'overrides:\n  ios:\n    devops:\n      hotfixPattern: /x(?=y)/\n', file: 'shipwell.yml' }),
    ).toThrow('shipwell.yml:4: overrides.ios.devops.hotfixPattern: expected a regular expression that can be');
  });

  it('accepts a nested quantifier and answers like JavaScript would', () => {
    const pattern = parsePattern('/^(a+)+$/');
    expect(matchesPattern(pattern, 'aaaa')).toBe(true);
    expect(matchesPattern(pattern, `${'a'.repeat(31)}!`)).toBe(false);
  });

  it.each([
    ['/hotfix/i', ['HotFix-1'], ['hot-fix']],
    ['/^fix$/m', ['a\nfix\nb'], ['a fix b']],
    ['/a.b/s', ['a\nb'], ['ab']],
    ['/a.b/', ['a-b'], ['a\nb']],
    ['/\\u0041\\u{42}/u', ['AB'], ['ab']],
    ['/\\cJ/', ['\n'], ['J']],
    ['/a[^]b/', ['a\nb', 'a-b'], ['ab']],
    ['/a[]b/', [], ['ab', 'a]b', 'a-b']],
    ['/[[:]+/', ['[:', '::'], ['alpha']],
    ['/v\\d+\\.\\d+/', ['release v1.2'], ['v1']],
    ['/(?<major>\\d+)\\./', ['10.'], ['x.']],
    ['/fix/gy', ['hotfix'], ['hot']],
  ])('%s reads as JavaScript reads it', (source, matching, other) => {
    const pattern = parsePattern(source);
    const js = new RegExp(
      source.slice(1, source.lastIndexOf('/')),
      source.slice(source.lastIndexOf('/') + 1).replace(/[gy]/g, ''),
    );
    for (const text of matching) {
      expect(js.test(text)).toBe(true);
      expect(matchesPattern(pattern, text)).toBe(true);
    }
    for (const text of other) {
      expect(js.test(text)).toBe(false);
      expect(matchesPattern(pattern, text)).toBe(false);
    }
  });
});
