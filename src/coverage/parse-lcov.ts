import { addBranchHits } from './add-branch-hits.ts';
import { addLineHits } from './add-line-hits.ts';
import { CoverageError } from './coverage-error.ts';
import { emptyFileCoverage } from './empty-file-coverage.ts';
import { forEachLine } from './for-each-line.ts';
import type { CoverageReport, FileCoverage } from './types.ts';

/** Digits of text[start, end) as a number; -1 when empty or not all digits. */
function digits(text: string, start: number, end: number): number {
  if (end <= start) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/**
 * Parses an lcov tracefile (`.info`) line by line. Lines come from `DA:`
 * records (LF/LH are not trusted), branches from `BRDA:` (`-` = not taken);
 * a file listed twice has its counts added, as `lcov` does.
 */
export async function parseLcov({
  chunks,
  file,
}: {
  chunks: AsyncIterable<string | Uint8Array>;
  file: string;
}): Promise<CoverageReport> {
  const files = new Map<string, FileCoverage>();
  const branchKeys = new Map<string, Map<number, string[]>>();
  let current: FileCoverage | null = null;
  let currentKeys: Map<number, string[]> | null = null;
  let openedAt = 0;
  const fail = (line: number, reason: string): never => {
    throw new CoverageError({ file, line, reason });
  };

  const last = await forEachLine({
    chunks,
    onLine(text, line) {
      const colon = text.indexOf(':');
      if (colon === 2 && text.charCodeAt(0) === 68 && text.charCodeAt(1) === 65) {
        // DA:<line>,<hits>[,<checksum>]
        if (!current) return fail(line, `expected SF:<path> before ${quote(text)}`);
        const comma = text.indexOf(',', 3);
        const next = comma === -1 ? -1 : text.indexOf(',', comma + 1);
        const number = comma === -1 ? -1 : digits(text, 3, comma);
        const hits = number === -1 ? -1 : digits(text, comma + 1, next === -1 ? text.length : next);
        if (hits === -1) return fail(line, `expected DA:<line>,<hits>, found ${quote(text)}`);
        addLineHits({ file: current, line: number, hits });
        return;
      }
      if (colon === -1) {
        if (text === 'end_of_record') {
          if (!current) return fail(line, 'expected SF:<path> before end_of_record');
          current = null;
          currentKeys = null;
          return;
        }
        if (text.trim() === '') return;
        return fail(line, `expected an lcov record (KEY:value or end_of_record), found ${quote(text)}`);
      }
      const key = text.slice(0, colon);
      if (key === 'SF') {
        if (current) return fail(line, `expected end_of_record before SF (record opened at line ${openedAt})`);
        const path = text.slice(3);
        if (path === '') return fail(line, 'expected SF:<path>, found an empty path');
        current = files.get(path) ?? null;
        if (!current) {
          current = emptyFileCoverage({ withBranches: true });
          files.set(path, current);
        }
        currentKeys = branchKeys.get(path) ?? null;
        if (!currentKeys) {
          currentKeys = new Map();
          branchKeys.set(path, currentKeys);
        }
        openedAt = line;
        return;
      }
      if (key === 'BRDA') {
        if (!current || !currentKeys) return fail(line, `expected SF:<path> before ${quote(text)}`);
        const parts = text.slice(5).split(',');
        const number = parts.length === 4 ? digits(parts[0]!, 0, parts[0]!.length) : -1;
        const taken = parts[3] === '-' ? 0 : parts.length === 4 ? digits(parts[3]!, 0, parts[3]!.length) : -1;
        if (number === -1 || taken === -1) {
          return fail(line, `expected BRDA:<line>,<block>,<branch>,<taken or ->, found ${quote(text)}`);
        }
        const id = `${parts[1]},${parts[2]}`;
        let keys = currentKeys.get(number);
        if (!keys) {
          keys = [];
          currentKeys.set(number, keys);
        }
        let index = keys.indexOf(id);
        if (index === -1) {
          index = keys.length;
          keys.push(id);
        }
        addBranchHits({ file: current, line: number, index, hits: taken });
        return;
      }
      if (!/^[A-Z][A-Z0-9_]*$/.test(key)) {
        return fail(line, `expected an lcov record (KEY:value or end_of_record), found ${quote(text)}`);
      }
    },
  });
  if (current) fail(last, `expected end_of_record before the end of the file (record opened at line ${openedAt})`);
  return { format: 'lcov', unit: 'lines', files };
}
