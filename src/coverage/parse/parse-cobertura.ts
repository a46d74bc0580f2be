import { CoverageError } from '../coverage-error.ts';
import { addLineHits } from '../file-coverage/add-line-hits.ts';
import { addOutcomes } from '../file-coverage/add-outcomes.ts';
import type { CoverageInput, CoverageReport } from '../types.ts';
import { MAX_BRANCHES_PER_LINE, MAX_LINE_NUMBER } from '../types.ts';
import { readXmlCoverage } from './read-xml-coverage.ts';
import { readXmlNumber } from './read-xml-number.ts';

/**
 * Parses Cobertura XML (coverage.py, Slather, cobertura): `<class filename>`
 * → `<lines><line number hits [branch condition-coverage="50% (1/2)"]>`.
 * Lines repeated under `<methods>` are not counted again; classes sharing a
 * file are added together.
 */
export function parseCobertura({ chunks, file }: CoverageInput): Promise<CoverageReport> {
  return readXmlCoverage({
    chunks,
    file,
    format: 'cobertura',
    tool: 'Cobertura',
    root: 'coverage',
    fileElement: 'class',
    pathOf: ({ attributes }) => attributes.filename || null,
    expected: '<class filename="…">',
    onLine(element, { coverage, fresh }) {
      const { name, attributes, ancestors } = element;
      if (name !== 'line' || ancestors[ancestors.length - 2] !== 'class') return;
      const line = readXmlNumber({ element, attribute: 'number', file, max: MAX_LINE_NUMBER });
      const hits = readXmlNumber({ element, attribute: 'hits', file });
      addLineHits({ file: coverage, line, hits });
      const conditions = attributes['condition-coverage'];
      if (attributes.branch !== 'true' || conditions === undefined) return;
      const counts = /\((\d+)\/(\d+)\)/.exec(conditions);
      if (!counts || Number(counts[1]) > Number(counts[2]) || Number(counts[2]) > MAX_BRANCHES_PER_LINE) {
        throw new CoverageError({
          file,
          line: element.line,
          reason: `expected condition-coverage="<pct>% (<covered>/<total>)" with a total up to ${MAX_BRANCHES_PER_LINE}, found another value`,
        });
      }
      addOutcomes({ fresh, file: coverage, line, covered: Number(counts[1]), total: Number(counts[2]) });
    },
  });
}
