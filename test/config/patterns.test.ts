import { describe, expect, it } from 'vitest';
import { matchesPattern, parsePattern } from '../../src/config/index.ts';

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
