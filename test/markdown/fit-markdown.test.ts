import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitMarkdown, type MarkdownLine } from '../../src/markdown/index.ts';

const HINT = 'Full report: `shipwell kpis --format json`.';

const table: MarkdownLine[] = [
  { text: '## Title', keepWithNext: true },
  { text: '', keepWithNext: true },
  { text: '| a | b |', keepWithNext: true },
  { text: '|---|---|', keepWithNext: true },
  ...Array.from({ length: 30 }, (_, i) => ({ text: `| row ${i} | ${'x'.repeat(i)} |`, unit: 'release' as const })),
];
const whole = table.map((line) => `${line.text}\n`).join('');

describe('fitMarkdown', () => {
  it('returns everything, unchanged, when it fits', () => {
    expect(fitMarkdown({ lines: table, maxLength: whole.length, hint: HINT })).toBe(whole);
  });

  it('cuts between rows and says how many releases were left out', () => {
    const out = fitMarkdown({ lines: table, maxLength: 600, hint: HINT });
    expect(out.length).toBeLessThanOrEqual(600);
    const [body = '', note = ''] = out.split('\n\n_… truncated: ');
    expect(whole.startsWith(body)).toBe(true);
    const shown = body.split('\n').filter((line) => line.startsWith('| row ')).length;
    expect(note).toContain(`${30 - shown} more releases not shown`);
    expect(note).toContain('limited to 600 characters');
    expect(note).toContain(HINT);
  });

  it('drops a heading or table header left without rows', () => {
    const lengths = Array.from({ length: 400 }, (_, i) => i);
    const headerOnly = lengths.filter((maxLength) => {
      const out = fitMarkdown({ lines: table, maxLength, hint: HINT });
      return (out.includes('## Title') || out.includes('| a | b |')) && !out.includes('| row 0 |');
    });
    expect(headerOnly).toEqual([]);
    const tight = lengths.find((maxLength) =>
      fitMarkdown({ lines: table, maxLength, hint: HINT }).includes('| row 0 |'),
    )!;
    expect(fitMarkdown({ lines: table, maxLength: tight - 1, hint: HINT })).toMatch(
      /^_… truncated: 30 more releases not shown/,
    );
  });

  it('counts lines when the cut lines stand for nothing in particular', () => {
    const lines = Array.from({ length: 50 }, (_, i) => ({ text: `line ${i} ${'y'.repeat(20)}` }));
    expect(fitMarkdown({ lines, maxLength: 400, hint: HINT })).toMatch(/\d+ more lines not shown/);
  });

  it('is never longer than maxLength and always a prefix of whole lines', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: whole.length + 10 }), (maxLength) => {
        const out = fitMarkdown({ lines: table, maxLength, hint: HINT });
        expect(out.length).toBeLessThanOrEqual(maxLength);
        if (out === whole) return;
        const cut = out.indexOf('_… truncated');
        if (cut > 0) {
          const body = out.slice(0, cut);
          expect(whole.startsWith(body.slice(0, -1))).toBe(true);
          expect(body.endsWith('\n\n')).toBe(true);
        }
      }),
    );
  });

  it('returns nothing for a zero limit', () => {
    expect(fitMarkdown({ lines: table, maxLength: 0, hint: HINT })).toBe('');
  });
});
