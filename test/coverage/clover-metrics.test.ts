// Clover totals (docs/coverage.md, "Clover"): where a file's own <metrics
// statements coveredstatements> disagree with its line elements, the file's
// and the project's totals follow the metrics (what PHPUnit itself prints);
// the lines stay the line-level data. Built on a real PHPUnit report
// (test/fixtures/coverage/php-phpunit.clover.xml, made by
// scripts/coverage-fixtures/generate.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CoverageError,
  type CoverageReport,
  coverageTotals,
  lineHitsOf,
  mergeCoverage,
  parseCoverage,
} from '../../src/coverage/index.ts';
import { FIXTURES, fixtureChunks, textChunks } from './read-fixture.ts';

const PHP = 'php-phpunit.clover.xml';
const SOURCE = '/tmp/shipwell-coverage-fixtures/php/src/Account.php';
const phpText = readFileSync(join(FIXTURES, PHP), 'utf8');

const parse = (text: string, file = 'clover.xml') =>
  parseCoverage({ chunks: textChunks(text), file, format: 'clover' });
const totalsOf = (...reports: CoverageReport[]) => coverageTotals(mergeCoverage(reports)).lines;

describe('Clover metrics and lines', () => {
  it('follows the file metrics where PHPUnit lists fewer statement lines (5/8, not 4/6)', async () => {
    const report = await parseCoverage({ chunks: fixtureChunks(PHP), file: PHP });
    expect(totalsOf(report)).toEqual({ covered: 5, total: 8 });
    // the line elements still give the line-level data: stmt lines only, the method lines 11 and 29 are not lines
    expect([...lineHitsOf(report.files.get(SOURCE)!)]).toEqual([
      [15, 1],
      [16, 0],
      [18, 1],
      [23, 1],
      [24, 0],
      [26, 1],
    ]);
  });

  it('stays with the lines when the metrics agree, and reads no <class> metrics as the file’s', async () => {
    // the class metrics say 9/9 and the file's agree with its two lines
    const text = phpText
      .replace(/<class [\s\S]*?<\/class>/, '<class name="X"><metrics statements="9" coveredstatements="9"/></class>')
      .replace(/<line num="\d+" type="method"[^>]*\/>\n/g, '')
      .replace(/(<line num="(?:23|24|26)" type="stmt" count="\d+"\/>\n\s*)/g, '')
      .replace(/<metrics loc="31"[^>]*\/>/, '<metrics statements="3" coveredstatements="2"/>');
    expect(totalsOf(await parse(text))).toEqual({ covered: 2, total: 3 });
  });

  it('merging the report with itself changes nothing; another report of the file brings its lines back', async () => {
    const report = await parse(phpText);
    expect(totalsOf(report, report)).toEqual({ covered: 5, total: 8 });
    const lcov = await parseCoverage({
      chunks: textChunks(`SF:${SOURCE}\nDA:11,1\nDA:15,1\nDA:29,0\nend_of_record\n`),
      file: 'lcov.info',
      format: 'lcov',
    });
    // the union of the lines: 15, 16, 18, 23, 24, 26 from Clover and 11, 29 from lcov (11 and 15 covered)
    expect(totalsOf(report, lcov)).toEqual({ covered: 5, total: 8 });
    expect(totalsOf(lcov, report)).toEqual({ covered: 5, total: 8 });
    const narrower = await parseCoverage({
      chunks: textChunks(`SF:${SOURCE}\nDA:15,1\nend_of_record\n`),
      file: 'lcov.info',
      format: 'lcov',
    });
    expect(totalsOf(report, narrower)).toEqual({ covered: 4, total: 6 });
  });

  it('keeps to the lines for a path named by two <file> elements', async () => {
    const file = phpText.match(/<file [\s\S]*?<\/file>/)![0];
    const text = phpText.replace(file, `${file}\n${file}`);
    expect(totalsOf(await parse(text))).toEqual({ covered: 4, total: 6 });
  });

  it('refuses file metrics that cover more statements than there are', async () => {
    const text = phpText.replace(
      /<metrics loc="31"[^>]*\/>/,
      '<metrics loc="31" statements="8" coveredstatements="9"/>',
    );
    await expect(parse(text)).rejects.toThrow(CoverageError);
    await expect(parse(text)).rejects.toThrow(/coveredstatements> at most statements \(8\), found 9/);
  });
});
