import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageTotals, detectFormat, lineHitsOf, mergeCoverage, parseCoverage } from '../../src/coverage/index.ts';
import { expectedFor, FIXTURES, fixtureChunks, textChunks } from './read-fixture.ts';

const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const totalsOf = async (text: string, file = 'r', workspace?: string) =>
  coverageTotals(mergeCoverage([await parseCoverage({ chunks: textChunks(text), file })], { workspace }));

describe('awkward reports', () => {
  for (const name of ['js-c8.info', 'py-coverage.cobertura.xml', 'go.coverprofile', 'java-jacoco.xml']) {
    it(`CRLF line endings give the same totals: ${name}`, async () => {
      const { workspace } = expectedFor(name);
      const lf = await totalsOf(fixture(name), name, workspace);
      const crlf = await totalsOf(fixture(name).replace(/\r?\n/g, '\r\n'), name, workspace);
      expect(crlf).toEqual(lf);
      expect(crlf.lines.total).toBeGreaterThan(0);
    });
  }

  it('paths with spaces and non-ASCII survive chunks split inside a UTF-8 character', async () => {
    const report = await parseCoverage({ chunks: fixtureChunks('js-c8.info', 1), file: 'js-c8.info' });
    expect([...report.files.keys()]).toContain('src/with space/grüße.js');
    const xccov = await parseCoverage({ chunks: fixtureChunks('xcode.xccov.json', 3), file: 'x.json' });
    const merged = mergeCoverage([xccov], { workspace: '/Users/runner/work/shop/shop' });
    expect([...merged.files.keys()]).toContain('ShopKit/Préférences.swift');
  });

  it('a file with zero executable lines is counted as a file, not as lines', async () => {
    const totals = await totalsOf('SF:empty.js\nFNF:0\nLF:0\nLH:0\nend_of_record\nSF:a.js\nDA:1,1\nend_of_record\n');
    expect(totals).toEqual({ lines: { covered: 1, total: 1 }, branches: { covered: 0, total: 0 }, files: 2 });
  });

  it('the same file twice in one report is counted once (lines OR-ed: covered if any record covers them)', async () => {
    const text =
      'SF:a.js\nDA:1,0\nDA:2,3\nend_of_record\nSF:./a.js\nDA:1,2\nDA:3,0\nend_of_record\nSF:a.js\nDA:1,1\nend_of_record\n';
    const report = await parseCoverage({ chunks: textChunks(text), file: 'r' });
    // Line 1: 0 then 1 hits → covered; line 2: 3 hits → covered (only "covered or not" is kept).
    expect(lineHitsOf(report.files.get('a.js')!)).toEqual(
      new Map([
        [1, 1],
        [2, 1],
      ]),
    );
    expect(lineHitsOf(report.files.get('./a.js')!)).toEqual(
      new Map([
        [1, 1],
        [3, 0],
      ]),
    );
    const totals = coverageTotals(mergeCoverage([report]));
    expect(totals).toEqual({ lines: { covered: 2, total: 3 }, branches: { covered: 0, total: 0 }, files: 1 });
  });

  it('LF/LH are not trusted: lines come from DA records', async () => {
    const totals = await totalsOf('SF:a.js\nDA:1,1\nDA:2,0\nLF:10\nLH:10\nend_of_record\n');
    expect(totals.lines).toEqual({ covered: 1, total: 2 });
  });

  it('an empty report forced to a format has no files and no percent', async () => {
    const report = await parseCoverage({ chunks: textChunks(''), file: 'empty.info', format: 'lcov' });
    expect(coverageTotals(mergeCoverage([report]))).toEqual({
      lines: { covered: 0, total: 0 },
      branches: null,
      files: 0,
    });
  });

  it('an empty Istanbul report ({}) is detected and empty', async () => {
    expect(detectFormat({ head: '{}\n', file: 'f.json' })).toBe('istanbul');
    expect((await totalsOf('{}')).files).toBe(0);
  });

  it('a Go profile concatenated from two runs merges repeated blocks like go tool cover', async () => {
    const text = 'mode: set\nm/a.go:1.1,2.2 2 0\nm/a.go:3.1,4.2 1 0\nmode: set\nm/a.go:1.1,2.2 2 1\n';
    expect((await totalsOf(text)).lines).toEqual({ covered: 2, total: 3 });
  });
});
