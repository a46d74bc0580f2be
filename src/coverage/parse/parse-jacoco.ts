import { addLineHits } from '../file-coverage/add-line-hits.ts';
import { addOutcomes } from '../file-coverage/add-outcomes.ts';
import type { CoverageInput, CoverageReport } from '../types.ts';
import { MAX_BRANCHES_PER_LINE, MAX_LINE_NUMBER } from '../types.ts';
import { readXmlCoverage } from './read-xml-coverage.ts';
import { readXmlNumber } from './read-xml-number.ts';

/**
 * Parses JaCoCo XML: `<package name>` → `<sourcefile name>` → `<line nr mi ci
 * mb cb>`. A line counts when it has instructions (mi + ci > 0) and is
 * covered when one ran (ci > 0), as JaCoCo's LINE counter; branches are cb
 * covered of mb + cb. Path: package name / source file name.
 */
export function parseJacoco({ chunks, file }: CoverageInput): Promise<CoverageReport> {
  let pkg = '';
  return readXmlCoverage({
    chunks,
    file,
    format: 'jacoco',
    tool: 'JaCoCo',
    root: 'report',
    fileElement: 'sourcefile',
    pathOf: ({ attributes }) => (attributes.name ? (pkg ? `${pkg}/${attributes.name}` : attributes.name) : null),
    expected: '<sourcefile name="…">',
    onElement({ name, attributes }) {
      if (name === 'package') pkg = attributes.name ?? '';
    },
    onEnd(name) {
      if (name === 'package') pkg = '';
    },
    onLine(element, { coverage, fresh }) {
      if (element.name !== 'line') return;
      const line = readXmlNumber({ element, attribute: 'nr', file, max: MAX_LINE_NUMBER });
      const mi = readXmlNumber({ element, attribute: 'mi', file, fallback: 0 });
      const ci = readXmlNumber({ element, attribute: 'ci', file, fallback: 0 });
      const mb = readXmlNumber({ element, attribute: 'mb', file, fallback: 0, max: MAX_BRANCHES_PER_LINE });
      const cb = readXmlNumber({ element, attribute: 'cb', file, fallback: 0, max: MAX_BRANCHES_PER_LINE });
      if (mi + ci > 0) addLineHits({ file: coverage, line, hits: ci > 0 ? 1 : 0 });
      if (mb + cb > 0) addOutcomes({ fresh, file: coverage, line, covered: cb, total: mb + cb });
    },
  });
}
