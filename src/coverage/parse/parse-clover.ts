import { addLineHits } from '../file-coverage/add-line-hits.ts';
import { addOutcomes } from '../file-coverage/add-outcomes.ts';
import type { CoverageReport } from '../types.ts';
import { MAX_BRANCHES_PER_LINE, MAX_LINE_NUMBER } from '../types.ts';
import { readXmlCoverage } from './read-xml-coverage.ts';
import { readXmlNumber } from './read-xml-number.ts';

/**
 * Parses Clover XML: `<file path|name>` → `<line num count type>`. Lines of
 * type `stmt` and `cond` are executable (`method` lines are not: Clover
 * counts them as methods); a `cond` line's branches are `truecount` covered
 * of `truecount + falsecount`, as Istanbul's clover reporter writes them.
 */
export function parseClover({
  chunks,
  file,
}: {
  chunks: AsyncIterable<string | Uint8Array>;
  file: string;
}): Promise<CoverageReport> {
  return readXmlCoverage({
    chunks,
    file,
    format: 'clover',
    tool: 'Clover',
    root: 'coverage',
    fileElement: 'file',
    pathOf: ({ attributes }) => attributes.path || attributes.name || null,
    expected: '<file path="…"> or name',
    onLine(element, { coverage, fresh }) {
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
}
