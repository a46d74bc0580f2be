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
 * Parses Clover XML: `<file path|name>` → `<line num count type>`. Lines of
 * type `stmt` and `cond` are executable (`method` lines are not: Clover
 * counts them as methods); a `cond` line's branches are `truecount` covered
 * of `truecount + falsecount`, as Istanbul's clover reporter writes them.
 */
export async function parseClover({
  chunks,
  file,
}: {
  chunks: AsyncIterable<string | Uint8Array>;
  file: string;
}): Promise<CoverageReport> {
  const files = new Map<string, FileCoverage>();
  let current: FileCoverage | null = null;
  let fresh = false;
  const arena = createArena();
  const { root } = await readXml({
    chunks,
    file,
    onElement(element) {
      const { name, attributes, ancestors } = element;
      if (ancestors.length === 0 && name !== 'coverage') {
        throw new CoverageError({
          file,
          line: element.line,
          reason: `expected a Clover <coverage> root element, found <${name}>`,
        });
      }
      if (name === 'file') {
        const path = attributes.path || attributes.name;
        if (!path) {
          throw new CoverageError({ file, line: element.line, reason: 'expected <file path="…"> or name, found none' });
        }
        current = files.get(path) ?? null;
        fresh = current === null;
        if (!current) {
          current = emptyFileCoverage({ withBranches: true });
          files.set(copyString(path), current);
        }
        return;
      }
      if (name !== 'line' || !current) return;
      const type = attributes.type;
      if (type !== 'stmt' && type !== 'cond') return;
      const line = readXmlNumber({ element, attribute: 'num', file, max: MAX_LINE_NUMBER });
      const count = readXmlNumber({ element, attribute: 'count', file, fallback: 0 });
      addLineHits({ file: current, line, hits: count });
      if (type === 'cond') {
        const covered = readXmlNumber({
          element,
          attribute: 'truecount',
          file,
          fallback: 0,
          max: MAX_BRANCHES_PER_LINE,
        });
        const missed = readXmlNumber({
          element,
          attribute: 'falsecount',
          file,
          fallback: 0,
          max: MAX_BRANCHES_PER_LINE,
        });
        addOutcomes({ fresh, file: current, line, covered, total: covered + missed });
      }
    },
    onEnd(name) {
      if (name !== 'file') return;
      if (current) packFileCoverage({ file: current, arena });
      current = null;
    },
  });
  for (const coverage of files.values()) packFileCoverage({ file: coverage, arena });
  if (root === null) throw new CoverageError({ file, line: 1, reason: 'expected a Clover <coverage> root element' });
  return { format: 'clover', unit: 'lines', files };
}
