import type { FileCoverage } from './types.ts';

const MAX_STORED = 0xffff_ffff;

/** Adds `hits` to a line (making it executable), growing the dense line array as needed. */
export function addLineHits({ file, line, hits }: { file: FileCoverage; line: number; hits: number }): void {
  let lines = file.lines;
  if (line >= lines.length) {
    const grown = new Uint32Array(Math.max(64, line + 1, lines.length * 2));
    grown.set(lines);
    file.lines = grown;
    lines = grown;
  }
  const stored = lines[line]!;
  const next = (stored === 0 ? 1 : stored) + hits;
  lines[line] = Math.min(next, MAX_STORED);
}
