import { CoverageError } from '../coverage-error.ts';
import { createArena } from '../file-coverage/create-arena.ts';
import { emptyFileCoverage } from '../file-coverage/empty-file-coverage.ts';
import { packFileCoverage } from '../file-coverage/pack-file-coverage.ts';
import type { CoverageReport, FileCoverage } from '../types.ts';
import { copyString } from './copy-string.ts';
import { readXml, type XmlElement } from './read-xml.ts';

/** The source file whose lines are being read, and whether this report lists it for the first time. */
export interface OpenFile {
  coverage: FileCoverage;
  /** False when an earlier element named the same path: its branches are then added, not appended. */
  fresh: boolean;
}

/**
 * What the XML coverage formats share: a named root element, one element per
 * source file (`fileElement`; elements naming the same path add up), its
 * lines read by `onLine` while it is open, and each file packed as soon as
 * it closes so memory holds results, not the report. A wrong root, a file
 * element without a path (`pathOf` returns null) or no root at all is a
 * CoverageError naming the file and line.
 */
export async function readXmlCoverage({
  chunks,
  file,
  format,
  tool,
  root,
  fileElement,
  pathOf,
  expected,
  onLine,
  onElement,
  onEnd,
}: {
  chunks: AsyncIterable<string | Uint8Array>;
  file: string;
  format: CoverageReport['format'];
  /** The format's name in errors ("Clover"). */
  tool: string;
  root: string;
  fileElement: string;
  /** The source path of a `fileElement`; null: it names none. */
  pathOf: (element: XmlElement) => string | null;
  /** What `pathOf` looks for, for the error when there is none (`<file path="…">`). */
  expected: string;
  /** An element other than `fileElement` inside an open file element. */
  onLine: (element: XmlElement, open: OpenFile) => void;
  /** Every element other than `fileElement` (before `onLine`), for state such as a package name. */
  onElement?: (element: XmlElement) => void;
  onEnd?: (name: string) => void;
}): Promise<CoverageReport> {
  const files = new Map<string, FileCoverage>();
  const arena = createArena();
  let open: OpenFile | null = null;
  const rootElement = `<${root}>`;
  const { root: found } = await readXml({
    chunks,
    file,
    onElement(element) {
      if (element.ancestors.length === 0 && element.name !== root) {
        throw new CoverageError({
          file,
          line: element.line,
          reason: `expected a ${tool} ${rootElement} root element, found <${element.name}>`,
        });
      }
      if (element.name === fileElement) {
        const path = pathOf(element);
        if (!path) throw new CoverageError({ file, line: element.line, reason: `expected ${expected}, found none` });
        const known = files.get(path);
        open = { coverage: known ?? emptyFileCoverage({ withBranches: true }), fresh: known === undefined };
        if (!known) files.set(copyString(path), open.coverage);
        return;
      }
      onElement?.(element);
      if (open) onLine(element, open);
    },
    onEnd(name) {
      onEnd?.(name);
      if (name !== fileElement) return;
      if (open) packFileCoverage({ file: open.coverage, arena });
      open = null;
    },
  });
  for (const coverage of files.values()) packFileCoverage({ file: coverage, arena });
  if (found === null)
    throw new CoverageError({ file, line: 1, reason: `expected a ${tool} ${rootElement} root element` });
  return { format, unit: 'lines', files };
}
