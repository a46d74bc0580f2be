import { CoverageError } from '../coverage-error.ts';
import { coverageTotals } from '../coverage-totals.ts';
import { addLineHits } from '../file-coverage/add-line-hits.ts';
import { addOutcomes } from '../file-coverage/add-outcomes.ts';
import type { CoverageCounts, CoverageInput, CoverageReport, FileCoverage } from '../types.ts';
import { MAX_BRANCHES_PER_LINE, MAX_LINE_NUMBER } from '../types.ts';
import type { XmlElement } from './read-xml.ts';
import { readXmlCoverage } from './read-xml-coverage.ts';
import { readXmlNumber } from './read-xml-number.ts';

/** A `<file>`'s own `<metrics statements coveredstatements>` (not a `<class>`'s inside it); null without them. */
function readFileMetrics(element: XmlElement, file: string): CoverageCounts | null {
  if (element.ancestors.at(-1) !== 'file') return null;
  const { statements, coveredstatements } = element.attributes;
  if (statements === undefined || coveredstatements === undefined) return null;
  const total = readXmlNumber({ element, attribute: 'statements', file });
  const covered = readXmlNumber({ element, attribute: 'coveredstatements', file });
  if (covered > total) {
    throw new CoverageError({
      file,
      line: element.line,
      reason: `expected <metrics coveredstatements> at most statements (${total}), found ${covered}`,
    });
  }
  return { covered, total };
}

/**
 * Parses Clover XML: `<file path|name>` → `<line num count type>`. Lines of
 * type `stmt` and `cond` are executable (`method` lines are not: Clover
 * counts them as methods); a `cond` line's branches are `truecount` covered
 * of `truecount + falsecount`, as Istanbul's clover reporter writes them.
 *
 * A file's own `<metrics statements coveredstatements>` are what the tool
 * itself reports: where they disagree with its line elements (PHPUnit
 * writes an executable line that starts a method as `type="method"`, so its
 * lines can count fewer statements than its metrics), the file's totals
 * follow the metrics, and its lines stay the line-level data
 * (docs/coverage.md, "Clover"). A path named by several `<file>` elements
 * adds their lines up and keeps to the lines.
 */
export async function parseClover({ chunks, file }: CoverageInput): Promise<CoverageReport> {
  const metrics = new Map<FileCoverage, CoverageCounts>();
  const repeated = new Set<FileCoverage>();
  const report = await readXmlCoverage({
    chunks,
    file,
    format: 'clover',
    tool: 'Clover',
    root: 'coverage',
    fileElement: 'file',
    pathOf: ({ attributes }) => attributes.path || attributes.name || null,
    expected: '<file path="…"> or name',
    onLine(element, { coverage, fresh }) {
      if (!fresh) repeated.add(coverage);
      if (element.name === 'metrics') {
        const counts = readFileMetrics(element, file);
        if (counts) metrics.set(coverage, counts);
        return;
      }
      const type = element.attributes.type;
      if (element.name !== 'line' || (type !== 'stmt' && type !== 'cond')) return;
      const line = readXmlNumber({ element, attribute: 'num', file, max: MAX_LINE_NUMBER });
      const count = readXmlNumber({ element, attribute: 'count', file, fallback: 0 });
      addLineHits({ file: coverage, line, hits: count });
      if (type !== 'cond') return;
      const branches = { element, file, fallback: 0, max: MAX_BRANCHES_PER_LINE };
      const covered = readXmlNumber({ ...branches, attribute: 'truecount' });
      const missed = readXmlNumber({ ...branches, attribute: 'falsecount' });
      addOutcomes({ fresh, file: coverage, line, covered, total: covered + missed });
    },
  });
  for (const [coverage, counts] of metrics) {
    if (repeated.has(coverage)) continue;
    const { lines } = coverageTotals({ files: new Map([['', coverage]]) });
    if (lines.covered === counts.covered && lines.total === counts.total) continue;
    coverage.totals = { lines: counts, branches: null, overridesLines: true };
  }
  return report;
}
