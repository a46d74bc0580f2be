import { addBranchHits } from './add-branch-hits.ts';
import { addLineHits } from './add-line-hits.ts';
import { CoverageError } from './coverage-error.ts';
import { emptyFileCoverage } from './empty-file-coverage.ts';
import { trimFileCoverage } from './trim-file-coverage.ts';
import type { CoverageReport, FileCoverage } from './types.ts';

const COLON = 58;
const COMMA = 44;
const PIECE = 32 * 1024;
const MAX_STORED = 0xffff_ffff;

/** Position just after the digits starting at `start` (start itself when there are none). */
function digitsEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/**
 * Parses an lcov tracefile (`.info`), streaming: lines come from `DA:`
 * records (LF/LH are not trusted), branches from `BRDA:` (`-` = not taken).
 * A file listed twice has its counts added, as `lcov` does (its branches
 * matched by line and rank). Memory holds only the per-line results.
 */
export async function parseLcov({
  chunks,
  file,
}: {
  chunks: AsyncIterable<string | Uint8Array>;
  file: string;
}): Promise<CoverageReport> {
  const files = new Map<string, FileCoverage>();
  let current: FileCoverage | null = null;
  /** Rank of the next BRDA per line, for a file seen before in this report. */
  let ranks: Map<number, number> | null = null;
  let openedAt = 0;
  let lineNo = 0;
  let scratch = new Uint32Array(4096);
  let maxLine = -1;
  let scratchBranchLine = new Uint32Array(1024);
  let scratchBranchHits = new Uint32Array(1024);
  let branchCount = 0;
  const pathEncoder = new TextEncoder();
  const pathDecoder = new TextDecoder('utf-8');
  const fail = (reason: string): never => {
    throw new CoverageError({ file, line: lineNo, reason });
  };

  const onLine = (text: string, start: number, end: number): undefined => {
    lineNo++;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const c0 = text.charCodeAt(start);
    // DA:<line>,<hits>[,<checksum>]
    if (c0 === 68 && text.charCodeAt(start + 1) === 65 && text.charCodeAt(start + 2) === COLON) {
      const numberEnd = digitsEnd(text, start + 3, end);
      const hitsEnd = digitsEnd(text, numberEnd + 1, end);
      if (
        !current ||
        numberEnd === start + 3 ||
        text.charCodeAt(numberEnd) !== COMMA ||
        hitsEnd === numberEnd + 1 ||
        (hitsEnd !== end && text.charCodeAt(hitsEnd) !== COMMA)
      ) {
        return fail(
          current
            ? `expected DA:<line>,<hits>, found ${quote(text.slice(start, end))}`
            : `expected SF:<path> before ${quote(text.slice(start, end))}`,
        );
      }
      const number = digitsValue(text, start + 3, numberEnd);
      const hits = digitsValue(text, numberEnd + 1, hitsEnd);
      if (ranks) {
        addLineHits({ file: current!, line: number, hits });
        return;
      }
      // A new file: counts go to a reused scratch array, copied once at end_of_record.
      if (number >= scratch.length) {
        const grown = new Uint32Array(Math.max(number + 1, scratch.length * 2));
        grown.set(scratch);
        scratch = grown;
      }
      const stored = scratch[number]!;
      scratch[number] = Math.min((stored === 0 ? 1 : stored) + hits, MAX_STORED);
      if (number > maxLine) maxLine = number;
      return;
    }
    // BRDA:<line>,<block>,<branch>,<taken or ->
    if (c0 === 66 && text.startsWith('BRDA:', start)) {
      const line = text.slice(start, end);
      const parts = line.slice(5).split(',');
      const number = parts.length === 4 && /^\d+$/.test(parts[0]!) ? Number(parts[0]) : -1;
      const taken = parts[3] === '-' ? 0 : parts.length === 4 && /^\d+$/.test(parts[3]!) ? Number(parts[3]) : -1;
      if (!current) return fail(`expected SF:<path> before ${quote(line)}`);
      if (number === -1 || taken === -1) {
        return fail(`expected BRDA:<line>,<block>,<branch>,<taken or ->, found ${quote(line)}`);
      }
      if (!ranks) {
        if (branchCount === scratchBranchLine.length) {
          const lines = new Uint32Array(branchCount * 2);
          const hits = new Uint32Array(branchCount * 2);
          lines.set(scratchBranchLine);
          hits.set(scratchBranchHits);
          scratchBranchLine = lines;
          scratchBranchHits = hits;
        }
        scratchBranchLine[branchCount] = number;
        scratchBranchHits[branchCount] = Math.min(taken, MAX_STORED);
        branchCount++;
        return;
      }
      const index = ranks.get(number) ?? 0;
      ranks.set(number, index + 1);
      addBranchHits({ file: current, line: number, index, hits: taken });
      return;
    }
    const colon = text.indexOf(':', start);
    if (colon === -1 || colon >= end) {
      const line = text.slice(start, end);
      if (line === 'end_of_record') {
        if (!current) return fail('expected SF:<path> before end_of_record');
        if (ranks) trimFileCoverage(current);
        else {
          current.lines = scratch.slice(0, maxLine + 1);
          scratch.fill(0, 0, maxLine + 1);
          maxLine = -1;
          if (branchCount > 0) {
            current.branches = {
              line: scratchBranchLine.slice(0, branchCount),
              hits: scratchBranchHits.slice(0, branchCount),
              length: branchCount,
            };
            branchCount = 0;
          }
        }
        current = null;
        ranks = null;
        return;
      }
      if (line.trim() === '') return;
      return fail(`expected an lcov record (KEY:value or end_of_record), found ${quote(line)}`);
    }
    if (colon === start + 2 && c0 === 83 && text.charCodeAt(start + 1) === 70) {
      // SF:<path>
      if (current) return fail(`expected end_of_record before SF (record opened at line ${openedAt})`);
      // Copied out of the chunk: a slice would keep the whole chunk string alive.
      const path = pathDecoder.decode(pathEncoder.encode(text.slice(colon + 1, end)));
      if (path === '') return fail('expected SF:<path>, found an empty path');
      current = files.get(path) ?? null;
      ranks = current ? new Map() : null;
      if (!current) {
        current = emptyFileCoverage({ withBranches: true });
        files.set(path, current);
      }
      openedAt = lineNo;
      return;
    }
    // Other records (TN, FN, FNDA, FNF, FNH, LF, LH, BRF, BRH, VER, …) carry nothing we count.
    for (let i = start; i < colon; i++) {
      const c = text.charCodeAt(i);
      if (!((c >= 65 && c <= 90) || (i > start && ((c >= 48 && c <= 57) || c === 95)))) {
        return fail(`expected an lcov record (KEY:value or end_of_record), found ${quote(text.slice(start, end))}`);
      }
    }
  };

  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let first = true;
  const consume = (decoded: string): void => {
    let text = decoded;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (carry) text = carry + text;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      onLine(text, start, end);
      start = end + 1;
    }
    carry = text.slice(start);
  };
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      consume(chunk);
      continue;
    }
    // Decoded in small pieces: short-lived strings stay in V8's young generation, keeping peak RSS low.
    for (let i = 0; i < chunk.length; i += PIECE) {
      consume(decoder.decode(chunk.subarray(i, i + PIECE), { stream: true }));
    }
  }
  carry += decoder.decode();
  if (carry.length > 0) onLine(carry, 0, carry.length);
  if (current) fail(`expected end_of_record before the end of the file (record opened at line ${openedAt})`);
  return { format: 'lcov', unit: 'lines', files };
}
