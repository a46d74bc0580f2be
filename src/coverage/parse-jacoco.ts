import { addLineHits } from './add-line-hits.ts';
import { addOutcomes } from './add-outcomes.ts';
import { copyString } from './copy-string.ts';
import { CoverageError } from './coverage-error.ts';
import { createArena } from './create-arena.ts';
import { emptyFileCoverage } from './empty-file-coverage.ts';
import { packFileCoverage } from './pack-file-coverage.ts';
import { readXml } from './read-xml.ts';
import { readXmlNumber } from './read-xml-number.ts';
import type { CoverageReport, FileCoverage } from './types.ts';
import { MAX_BRANCHES_PER_LINE, MAX_LINE_NUMBER } from './types.ts';

/**
 * Parses JaCoCo XML: `<package name>` → `<sourcefile name>` → `<line nr mi ci
 * mb cb>`. A line counts when it has instructions (mi + ci > 0) and is
 * covered when one ran (ci > 0), as JaCoCo's LINE counter; branches are cb
 * covered of mb + cb. Path: package name / source file name.
 */
export async function parseJacoco({
  chunks,
  file,
}: {
  chunks: AsyncIterable<string | Uint8Array>;
  file: string;
}): Promise<CoverageReport> {
  const files = new Map<string, FileCoverage>();
  let pkg = '';
  let current: FileCoverage | null = null;
  let fresh = false;
  const arena = createArena();
  const { root } = await readXml({
    chunks,
    file,
    onElement(element) {
      const { name, attributes, ancestors } = element;
      if (ancestors.length === 0 && name !== 'report') {
        throw new CoverageError({
          file,
          line: element.line,
          reason: `expected a JaCoCo <report> root element, found <${name}>`,
        });
      }
      if (name === 'package') {
        pkg = attributes.name ?? '';
        return;
      }
      if (name === 'sourcefile') {
        if (!attributes.name) {
          throw new CoverageError({ file, line: element.line, reason: 'expected <sourcefile name="…">, found none' });
        }
        const path = pkg ? `${pkg}/${attributes.name}` : attributes.name;
        current = files.get(path) ?? null;
        fresh = current === null;
        if (!current) {
          current = emptyFileCoverage({ withBranches: true });
          files.set(copyString(path), current);
        }
        return;
      }
      if (name !== 'line' || !current) return;
      const line = readXmlNumber({ element, attribute: 'nr', file, max: MAX_LINE_NUMBER });
      const mi = readXmlNumber({ element, attribute: 'mi', file, fallback: 0 });
      const ci = readXmlNumber({ element, attribute: 'ci', file, fallback: 0 });
      const mb = readXmlNumber({ element, attribute: 'mb', file, fallback: 0, max: MAX_BRANCHES_PER_LINE });
      const cb = readXmlNumber({ element, attribute: 'cb', file, fallback: 0, max: MAX_BRANCHES_PER_LINE });
      if (mi + ci > 0) addLineHits({ file: current, line, hits: ci > 0 ? 1 : 0 });
      if (mb + cb > 0) addOutcomes({ fresh, file: current, line, covered: cb, total: mb + cb });
    },
    onEnd(name) {
      if (name === 'package') pkg = '';
      if (name !== 'sourcefile') return;
      if (current) packFileCoverage({ file: current, arena });
      current = null;
    },
  });
  for (const coverage of files.values()) packFileCoverage({ file: coverage, arena });
  if (root === null) throw new CoverageError({ file, line: 1, reason: 'expected a JaCoCo <report> root element' });
  return { format: 'jacoco', unit: 'lines', files };
}
