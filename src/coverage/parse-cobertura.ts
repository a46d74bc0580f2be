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
 * Parses Cobertura XML (coverage.py, Slather, cobertura): `<class filename>`
 * → `<lines><line number hits [branch condition-coverage="50% (1/2)"]>`.
 * Lines repeated under `<methods>` are not counted again; classes sharing a
 * file are added together.
 */
export async function parseCobertura({
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
          reason: `expected a Cobertura <coverage> root element, found <${name}>`,
        });
      }
      if (name === 'class') {
        const path = attributes.filename;
        if (!path) {
          throw new CoverageError({ file, line: element.line, reason: 'expected <class filename="…">, found none' });
        }
        current = files.get(path) ?? null;
        fresh = current === null;
        if (!current) {
          current = emptyFileCoverage({ withBranches: true });
          files.set(copyString(path), current);
        }
        return;
      }
      if (name !== 'line' || !current || ancestors[ancestors.length - 2] !== 'class') return;
      const line = readXmlNumber({ element, attribute: 'number', file, max: MAX_LINE_NUMBER });
      const hits = readXmlNumber({ element, attribute: 'hits', file });
      addLineHits({ file: current, line, hits });
      if (attributes.branch === 'true' && attributes['condition-coverage'] !== undefined) {
        const counts = /\((\d+)\/(\d+)\)/.exec(attributes['condition-coverage']);
        if (!counts || Number(counts[1]) > Number(counts[2]) || Number(counts[2]) > MAX_BRANCHES_PER_LINE) {
          throw new CoverageError({
            file,
            line: element.line,
            reason: `expected condition-coverage="<pct>% (<covered>/<total>)" with a total up to ${MAX_BRANCHES_PER_LINE}, found ${JSON.stringify(attributes['condition-coverage'])}`,
          });
        }
        addOutcomes({ fresh, file: current, line, covered: Number(counts[1]), total: Number(counts[2]) });
      }
    },
    onEnd(name) {
      if (name !== 'class') return;
      if (current) packFileCoverage({ file: current, arena });
      current = null;
    },
  });
  for (const coverage of files.values()) packFileCoverage({ file: coverage, arena });
  if (root === null) throw new CoverageError({ file, line: 1, reason: 'expected a Cobertura <coverage> root element' });
  return { format: 'cobertura', unit: 'lines', files };
}
