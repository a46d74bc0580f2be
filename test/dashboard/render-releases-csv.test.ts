import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteCsvCell, renderReleasesCsv } from '../../src/dashboard/index.ts';
import { seededReport, XSS } from './seeded-report.ts';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  return rows;
}

describe('quoteCsvCell', () => {
  it('round-trips any text through an RFC 4180 reader, formulas behind a quote mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (a, b) => {
        const [row] = readCsv(`${quoteCsvCell(a)},${quoteCsvCell(b)}\r\n`);
        const expected = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
        expect(row).toEqual([expected(a), expected(b)]);
      }),
    );
  });

  it('neutralises spreadsheet formulas', () => {
    expect(quoteCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(quoteCsvCell('+1')).toBe("'+1");
    expect(quoteCsvCell('-1')).toBe("'-1");
    expect(quoteCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(quoteCsvCell(-1)).toBe('-1');
    expect(quoteCsvCell(null)).toBe('');
  });
});

describe('renderReleasesCsv', () => {
  const report = seededReport();

  it('has a header and one row per release of the segment, newest first, with the report values', () => {
    const rows = readCsv(renderReleasesCsv({ report, segment: 'cloud' }));
    expect(rows[0]).toEqual(expect.arrayContaining(['repo', 'tag', 'status', 'coverage', 'check_runs_url']));
    const header = rows[0]!;
    const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(records.map((r) => r.tag)).toEqual(['v1.3.0', 'v1.2.0', 'v1.1.0', 'v1.0.0']);
    for (const record of records) {
      const release = report.releases.find((r) => r.tag === record.tag)!;
      expect(record.status).toBe(release.status);
      expect(record.coverage).toBe(release.coverage === null ? '' : String(release.coverage));
      expect(record.devops_activities).toBe(String(release.devopsActivities));
      expect(record.rollback_signal).toBe(release.rollback?.signal ?? '');
      expect(record.check_runs_url).toBe(`https://github.com/acme/api/commit/${release.sha}/checks`);
    }
  });

  it('keeps hostile tags and reasons as data', () => {
    const rows = readCsv(renderReleasesCsv({ report }));
    const flat = rows.flat();
    expect(flat).toContain(XSS.tag);
    expect(flat).toContain(XSS.reason);
    expect(rows.slice(1).every((r) => r.length === rows[0]!.length)).toBe(true);
  });
});
