import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBranchHits,
  addLineHits,
  branchHitsOf,
  type CoverageReport,
  coverageTotals,
  emptyFileCoverage,
  lineHitsOf,
  type MergedCoverage,
  mergeCoverage,
  normalizePath,
  parseCoverage,
} from '../../src/coverage/index.ts';
import { textChunks } from './read-fixture.ts';

/** A canonical, comparable form of merged coverage. */
function canonical(merged: MergedCoverage): unknown {
  return {
    formats: merged.formats,
    unit: merged.unit,
    files: [...merged.files.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, file]) => ({
        path,
        lines: [...lineHitsOf(file)],
        branches: [...(branchHitsOf(file) ?? [])],
      })),
  };
}

const paths = fc.constantFrom('src/a.ts', './src/a.ts', 'src\\a.ts', '/ws/src/a.ts', 'src/b.ts', 'lib/ü c.ts');
const reportArbitrary: fc.Arbitrary<CoverageReport> = fc
  .record({
    format: fc.constantFrom('lcov' as const, 'cobertura' as const, 'clover' as const),
    files: fc.array(
      fc.record({
        path: paths,
        lines: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.nat(5)), { maxLength: 12 }),
        branches: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.nat(3), fc.nat(3)), { maxLength: 6 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ format, files }) => {
    const report: CoverageReport = { format, unit: 'lines', files: new Map() };
    for (const { path, lines, branches } of files) {
      const file = report.files.get(path) ?? emptyFileCoverage({ withBranches: true });
      for (const [line, hits] of lines) addLineHits({ file, line, hits });
      for (const [line, index, hits] of branches) addBranchHits({ file, line, index, hits });
      report.files.set(path, file);
    }
    return report;
  });

describe('mergeCoverage', () => {
  it('is commutative, idempotent and associative', () => {
    fc.assert(
      fc.property(reportArbitrary, reportArbitrary, reportArbitrary, (a, b, c) => {
        const merge = (reports: CoverageReport[]) => canonical(mergeCoverage(reports, { workspace: '/ws' }));
        expect(merge([a, b])).toEqual(merge([b, a]));
        expect(merge([a, a])).toEqual(merge([a]));
        expect(merge([a, b, a, b])).toEqual(merge([a, b]));
        expect(merge([a, b, c])).toEqual(merge([c, a, b]));
      }),
    );
  });

  it('counts a line covered when any report covers it, and one file per normalised path', async () => {
    const unit = await parseCoverage({
      chunks: textChunks('SF:/ws/src/a.ts\nDA:1,1\nDA:2,0\nDA:3,0\nend_of_record\n'),
      file: 'unit.info',
    });
    const integration = await parseCoverage({
      chunks: textChunks(
        '<coverage><packages><package><classes><class filename="src\\a.ts"><lines><line number="2" hits="4"/><line number="4" hits="0"/></lines></class></classes></package></packages></coverage>',
      ),
      file: 'integration.xml',
    });
    const merged = mergeCoverage([unit, integration], { workspace: '/ws' });
    expect(merged.formats).toEqual(['lcov', 'cobertura']);
    expect([...merged.files.keys()]).toEqual(['src/a.ts']);
    expect(coverageTotals(merged).lines).toEqual({ covered: 2, total: 4 });
  });

  it('says statements for Go and lines+statements when mixed', async () => {
    const go = await parseCoverage({ chunks: textChunks('mode: set\nm/a.go:1.1,2.2 2 1\n'), file: 'go' });
    const lcov = await parseCoverage({ chunks: textChunks('SF:a\nDA:1,1\nend_of_record\n'), file: 'l' });
    expect(mergeCoverage([go]).unit).toBe('statements');
    expect(mergeCoverage([go, lcov]).unit).toBe('lines+statements');
    expect(mergeCoverage([lcov]).unit).toBe('lines');
  });
});

describe('normalizePath', () => {
  it.each([
    ['./src/a.ts', undefined, 'src/a.ts'],
    ['src\\lib\\a.ts', undefined, 'src/lib/a.ts'],
    ['/home/runner/work/app/app/src/a.ts', '/home/runner/work/app/app/', 'src/a.ts'],
    ['C:\\a\\repo\\src\\a.ts', 'c:/a/repo', 'src/a.ts'],
    ['src/../lib//./a.ts', undefined, 'lib/a.ts'],
    ['/elsewhere/a.ts', '/home/runner/work', '/elsewhere/a.ts'],
    ['/ws-other/a.ts', '/ws', '/ws-other/a.ts'],
  ])('%s (workspace %s) → %s', (path, workspace, expected) => {
    expect(normalizePath({ path, workspace })).toBe(expected);
  });
});
