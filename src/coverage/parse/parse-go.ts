import { CoverageError } from '../coverage-error.ts';
import { emptyFileCoverage } from '../file-coverage/empty-file-coverage.ts';
import type { CoverageInput, CoverageReport, FileCoverage } from '../types.ts';
import { copyString } from './copy-string.ts';
import { forEachLine } from './for-each-line.ts';

const MODE = /^mode: (set|count|atomic)$/;
const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;

/**
 * Parses a Go coverprofile (`go test -coverprofile`): `mode: set|count|atomic`
 * then `file:startLine.startCol,endLine.endCol numStmts count`. The unit is
 * statements; a block listed twice is merged as `go tool cover` does (set:
 * either run covers it; count/atomic: counts add up).
 */
export async function parseGo({ chunks, file }: CoverageInput): Promise<CoverageReport> {
  const files = new Map<string, FileCoverage>();
  let mode: string | null = null;
  await forEachLine({
    chunks,
    file,
    onLine(text, line) {
      if (text.trim() === '') return;
      const modeMatch = MODE.exec(text);
      if (modeMatch) {
        // Concatenated profiles repeat the mode line; it must not change.
        if (mode !== null && mode !== modeMatch[1]) {
          throw new CoverageError({
            file,
            line,
            reason: `expected mode: ${mode} again, found mode: ${modeMatch[1]}`,
          });
        }
        mode = modeMatch[1]!;
        return;
      }
      if (mode === null) {
        throw new CoverageError({
          file,
          line,
          reason: `expected mode: set|count|atomic, found a line of ${text.length} characters`,
        });
      }
      const block = BLOCK.exec(text);
      if (!block) {
        throw new CoverageError({
          file,
          line,
          reason: `expected <file>:<line>.<col>,<line>.<col> <statements> <count>, found a line of ${text.length} characters that is not one`,
        });
      }
      const [, path, startLine, startCol, endLine, endCol, statements, count] = block;
      let coverage = files.get(path!);
      if (!coverage) {
        coverage = { ...emptyFileCoverage({ withBranches: false }), blocks: new Map() };
        files.set(copyString(path!), coverage);
      }
      const key = `${startLine}.${startCol},${endLine}.${endCol}`;
      const seen = coverage.blocks!.get(key);
      const hits = Number(count);
      if (!seen) {
        coverage.blocks!.set(key, { statements: Number(statements), hits });
        return;
      }
      if (seen.statements !== Number(statements)) {
        throw new CoverageError({
          file,
          line,
          reason: `expected ${seen.statements} statements for block ${path}:${key} as listed before, found ${statements}`,
        });
      }
      seen.hits = mode === 'set' ? Math.max(seen.hits, hits) : seen.hits + hits;
    },
  });
  if (mode === null && files.size === 0) {
    throw new CoverageError({ file, line: 1, reason: 'expected mode: set|count|atomic, found an empty file' });
  }
  return { format: 'go', unit: 'statements', files };
}
