import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverageTotals, mergeCoverage, parseCoverage } from '../../src/coverage/index.ts';
import { expectedFor, FIXTURES, fixtureChunks } from './read-fixture.ts';

const fixtures = readdirSync(FIXTURES).filter((name) => !name.endsWith('.expected.json'));

describe('real tool reports: totals equal the tool’s own', () => {
  it('has a fixture for every format', () => {
    const formats = new Set(fixtures.map((name) => expectedFor(name).format));
    expect([...formats].sort()).toEqual(['clover', 'cobertura', 'go', 'istanbul', 'jacoco', 'lcov', 'xccov']);
  });

  for (const name of fixtures) {
    it(name, async () => {
      const expected = expectedFor(name);
      const report = await parseCoverage({ chunks: fixtureChunks(name), file: name });
      expect(report.format).toBe(expected.format);
      expect(report.unit).toBe(expected.unit);
      const totals = coverageTotals(mergeCoverage([report], { workspace: expected.workspace }));
      if (expected.lines) expect(totals.lines).toEqual(expected.lines);
      if (expected.linesPct !== null) {
        // go tool cover prints the percent with %.1f.
        expect(((totals.lines.covered * 100) / totals.lines.total).toFixed(1)).toBe(expected.linesPct.toFixed(1));
      }
      expect(totals.branches).toEqual(expected.branches);
      expect(totals.files).toBe(expected.files);
    });
  }
});
