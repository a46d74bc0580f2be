import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseCoverageSummary,
  parseRollbackSummary,
  printCoverageLine,
  printRollbackSummary,
} from '../../src/events/index.ts';

const coverage = fc
  .tuple(fc.nat({ max: 10_000_000 }), fc.nat({ max: 10_000_000 }))
  .map(([a, b]) => ({ covered: Math.min(a, b), total: Math.max(a, b) }));

describe('coverage line', () => {
  it('prints what people read', () => {
    expect(printCoverageLine({ covered: 812, total: 1000 })).toBe('Lines: 812/1000 (81.2%)');
    expect(printCoverageLine({ covered: 2, total: 3 })).toBe('Lines: 2/3 (66.7%)');
    expect(printCoverageLine({ covered: 0, total: 0 })).toBe('Lines: 0/0');
  });

  it('parse(print(x)) is x, also inside a longer summary', () => {
    fc.assert(
      fc.property(coverage, fc.string(), (x, before) => {
        expect(parseCoverageSummary(printCoverageLine(x))).toEqual(x);
        const noLinesLine = before.replace(/Lines:/g, 'lines:');
        expect(parseCoverageSummary(`${noLinesLine}\r\n${printCoverageLine(x)}\nLines: 0/1`)).toEqual(x);
      }),
    );
  });

  it('the first Lines line decides; covered > total is not a coverage', () => {
    expect(parseCoverageSummary('Lines: 5/4\nLines: 1/2')).toBeNull();
    expect(parseCoverageSummary('Lines: 12x/20')).toBeNull();
    expect(parseCoverageSummary(' Lines: 1/2')).toBeNull();
    expect(parseCoverageSummary('Lines: 3/40000000000000000000')).toBeNull();
    expect(parseCoverageSummary('Functions: 1/2\nLines: 3/4 whatever')).toEqual({ covered: 3, total: 4 });
  });
});

/** Text that is already one trimmed, non-empty line: printing keeps it as is. */
const oneLine = fc
  .string({ unit: 'grapheme', minLength: 1 })
  .filter((s) => s.trim() === s && s !== '' && !/[\r\n\v\f\u0085\u2028\u2029]/.test(s));
const tag = fc.stringMatching(/^[A-Za-z0-9._\-/+]{1,30}$/);

describe('rollback summary', () => {
  it('prints Release and Reason lines', () => {
    expect(printRollbackSummary({ tag: 'v1.2.0', reason: 'payment errors' })).toBe(
      'Release: v1.2.0\nReason: payment errors',
    );
    expect(printRollbackSummary({ tag: 'v1.2.0', reason: null })).toBe('Release: v1.2.0');
  });

  it('parse(print(x)) is x, for reasons with colons, unicode, "Release:" inside', () => {
    fc.assert(
      fc.property(fc.option(tag), fc.option(fc.oneof(oneLine, fc.constant('a: b — Release: v9 ✓ ü'))), (t, reason) => {
        const x = { tag: t, reason };
        const parsed = parseRollbackSummary(printRollbackSummary(x));
        expect(parsed ?? { tag: null, reason: null }).toEqual(x);
      }),
    );
  });

  it('a reason cannot inject a second line: line breaks fold to spaces', () => {
    fc.assert(
      fc.property(tag, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (t, head, evil) => {
        const reason = `${head}\nRelease: ${evil}\r\nReason: x\u2028y`;
        const printed = printRollbackSummary({ tag: t, reason });
        expect(printed.split('\n')).toHaveLength(2);
        const parsed = parseRollbackSummary(printed);
        expect(parsed?.tag).toBe(t);
        expect(parsed?.reason).not.toMatch(/[\r\n\u2028]/);
        expect(parsed?.reason).toContain('Release:');
        // printing what was parsed changes nothing
        expect(printRollbackSummary(parsed ?? { tag: null, reason: null })).toBe(printed);
      }),
    );
  });

  it('reads the first Release and Reason lines among others; nothing → null', () => {
    expect(parseRollbackSummary('# Rollback\r\nReason:  slow  \nRelease: v2\nRelease: v3')).toEqual({
      tag: 'v2',
      reason: 'slow',
    });
    expect(parseRollbackSummary('no lines here')).toBeNull();
  });
});
