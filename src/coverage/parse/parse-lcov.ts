import { CoverageError } from '../coverage-error.ts';
import { addBranchHits } from '../file-coverage/add-branch-hits.ts';
import { createArena } from '../file-coverage/create-arena.ts';
import { emptyFileCoverage } from '../file-coverage/empty-file-coverage.ts';
import { trimFileCoverage } from '../file-coverage/trim-file-coverage.ts';
import type { CoverageInput, CoverageReport, FileCoverage } from '../types.ts';
import { LINE_COVERED, LINE_EXECUTABLE, MAX_LINE_NUMBER, MAX_REPORT_LINE_BYTES } from '../types.ts';

const NL = 10;
const CR = 13;
const COMMA = 44;
const COLON = 58;
const DASH = 45;
/** Highest line number accepted (the per-file flag array is dense by line number). */
const MAX_LINE = MAX_LINE_NUMBER;
const MAX_HITS = 0xffff_ffff;
const ENCODER = new TextEncoder();
const END_OF_RECORD = ENCODER.encode('end_of_record');
const EXECUTABLE = LINE_EXECUTABLE;
const COVERED = LINE_EXECUTABLE | LINE_COVERED;

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;
const isKeyByte = (c: number): boolean => (c >= 65 && c <= 90) || isDigit(c) || c === 95;
/** lcov's record keys: an error may name one, never quote a line. */
const LCOV_KEYS = new Set([
  'TN',
  'SF',
  'FN',
  'FNL',
  'FNA',
  'FNDA',
  'FNF',
  'FNH',
  'DA',
  'LF',
  'LH',
  'BRDA',
  'BRF',
  'BRH',
  'VER',
]);

/** Position just after the digits starting at `start` (start itself when there are none). */
function digitsEnd(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && isDigit(bytes[i])) i++;
  return i;
}

/** Position of `byte` in [start, end), or -1. */
function indexIn(bytes: Uint8Array, byte: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (bytes[i] === byte) return i;
  return -1;
}

/** Value of the digits in [start, end), saturating at `max`. */
function digitsValue(bytes: Uint8Array, start: number, end: number, max: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = Math.min(value * 10 + bytes[i]! - 48, max + 1);
  return value;
}

/** The bytes of a string chunk; a high surrogate cut off at its end is held for the next chunk. */
function textBytes({ text }: { text: string }): { bytes: Uint8Array; held: string } {
  const last = text.charCodeAt(text.length - 1);
  const held = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : '';
  return { bytes: ENCODER.encode(held ? text.slice(0, -1) : text), held };
}

/**
 * Parses an lcov tracefile (`.info`), streaming over raw bytes: lines come
 * from `DA:` records (LF/LH are not trusted), branches from `BRDA:` (`-` =
 * not taken). Lines are scanned for `\n` without being decoded; only `SF:`
 * paths (and the text of an error) become strings. A file listed twice has
 * its lines OR-ed and its branch counts added, as `lcov` does (branches
 * matched by line and rank). Memory holds only the per-file results: one byte
 * per line number, plus the tail of a line cut across chunks.
 */
export async function parseLcov({ chunks, file }: CoverageInput): Promise<CoverageReport> {
  const files = new Map<string, FileCoverage>();
  let current: FileCoverage | null = null;
  /** Rank of the next BRDA per line, for a file seen before in this report (else null). */
  let ranks: Map<number, number> | null = null;
  let openedAt = 0;
  let lineNo = 0;
  // Lines of the open record go to a reused scratch array, copied once at end_of_record.
  let scratch = new Uint8Array(1 << 16);
  let maxLine = -1;
  let branchPairs = new Uint32Array(2048);
  let branchCount = 0;
  const arena = createArena();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /**
   * What a bad line is, never what it says (the file may not be a report at
   * all, and then its text could be a secret): its record key when it has
   * one of lcov's, else its length.
   */
  const describeLine = (bytes: Uint8Array, start: number, end: number, malformed = true): string => {
    let key = start;
    while (key < end && key - start < 16 && isKeyByte(bytes[key]!)) key++;
    if (bytes[key] === COLON && key > start) {
      const name = decoder.decode(bytes.subarray(start, key));
      if (LCOV_KEYS.has(name)) return `a ${malformed ? 'malformed ' : ''}${name} record`;
    }
    return `a line of ${end - start} bytes`;
  };
  const fail = (reason: string): never => {
    throw new CoverageError({ file, line: lineNo, reason });
  };
  const tooLong = (line: number): never => {
    throw new CoverageError({
      file,
      line,
      reason: `expected lines of at most ${MAX_REPORT_LINE_BYTES} bytes, found a longer one`,
    });
  };

  const markLine = (line: number, flags: number): undefined => {
    if (line >= scratch.length) {
      const grown = new Uint8Array(Math.max(line + 1, scratch.length * 2));
      grown.set(scratch);
      scratch = grown;
    }
    scratch[line]! |= flags;
    if (line > maxLine) maxLine = line;
  };

  const addBranch = (line: number, hits: number): undefined => {
    if (ranks) {
      const index = ranks.get(line) ?? 0;
      ranks.set(line, index + 1);
      addBranchHits({ file: current!, line, index, hits });
      return;
    }
    if (2 * branchCount === branchPairs.length) {
      const grown = new Uint32Array(branchPairs.length * 2);
      grown.set(branchPairs);
      branchPairs = grown;
    }
    branchPairs[2 * branchCount] = line;
    branchPairs[2 * branchCount + 1] = hits;
    branchCount++;
  };

  const endRecord = (): undefined => {
    if (!current) return fail('expected SF:<path> before end_of_record');
    if (ranks) {
      // Seen before in this report: OR the record's lines into a copy of the file's.
      const { lines: before, lineStart, lineCount } = current;
      const count = Math.max(lineCount, maxLine + 1);
      const lines = new Uint8Array(count);
      lines.set(before.subarray(lineStart, lineStart + lineCount));
      for (let i = 0; i <= maxLine; i++) lines[i]! |= scratch[i]!;
      current.lines = lines;
      current.lineStart = 0;
      current.lineCount = count;
      trimFileCoverage(current);
    } else {
      const placed = arena.copyBytes(scratch, maxLine + 1);
      current.lines = placed.block;
      current.lineStart = placed.start;
      current.lineCount = maxLine + 1;
      if (branchCount > 0) {
        const pairs = arena.copyWords(branchPairs, 2 * branchCount);
        current.branches = { pairs: pairs.block, start: pairs.start, length: branchCount };
      }
    }
    scratch.fill(0, 0, maxLine + 1);
    maxLine = -1;
    branchCount = 0;
    current = null;
    ranks = null;
  };

  /** Any line but the common `DA:<line>,<hits>` (already counted in lineNo, CR removed). */
  const onLine = (bytes: Uint8Array, from: number, end: number): undefined => {
    if (end - from > MAX_REPORT_LINE_BYTES) return tooLong(lineNo);
    let start = from;
    if (lineNo === 1 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
    const c0 = bytes[start];
    // DA:<line>,<hits>[,<checksum>]
    if (c0 === 68 && bytes[start + 1] === 65 && bytes[start + 2] === COLON) {
      const numberEnd = digitsEnd(bytes, start + 3, end);
      const hitsEnd = digitsEnd(bytes, numberEnd + 1, end);
      if (
        !current ||
        numberEnd === start + 3 ||
        bytes[numberEnd] !== COMMA ||
        hitsEnd === numberEnd + 1 ||
        (hitsEnd !== end && bytes[hitsEnd] !== COMMA)
      ) {
        return fail(
          current
            ? `expected DA:<line>,<hits>, found ${describeLine(bytes, start, end)}`
            : `expected SF:<path> before ${describeLine(bytes, start, end, false)}`,
        );
      }
      const line = digitsValue(bytes, start + 3, numberEnd, MAX_LINE);
      if (line > MAX_LINE) {
        return fail(`expected DA:<line>,<hits> with a line number up to ${MAX_LINE}, found a larger one`);
      }
      return markLine(line, digitsValue(bytes, numberEnd + 1, hitsEnd, 1) > 0 ? COVERED : EXECUTABLE);
    }
    // BRDA:<line>,<block>,<branch>,<taken or ->
    if (c0 === 66 && bytes[start + 1] === 82 && bytes[start + 2] === 68 && bytes[start + 3] === 65) {
      if (bytes[start + 4] === COLON) {
        if (!current) return fail(`expected SF:<path> before ${describeLine(bytes, start, end, false)}`);
        const numberEnd = digitsEnd(bytes, start + 5, end);
        const blockEnd = indexIn(bytes, COMMA, numberEnd + 1, end);
        const branchEnd = blockEnd === -1 ? -1 : indexIn(bytes, COMMA, blockEnd + 1, end);
        const takenStart = branchEnd + 1;
        const takenEnd = branchEnd === -1 ? -1 : digitsEnd(bytes, takenStart, end);
        const line = digitsValue(bytes, start + 5, numberEnd, MAX_LINE);
        const dash = takenStart + 1 === end && bytes[takenStart] === DASH;
        if (
          numberEnd === start + 5 ||
          bytes[numberEnd] !== COMMA ||
          takenEnd === -1 ||
          (!dash && (takenEnd === takenStart || takenEnd !== end)) ||
          line > MAX_LINE
        ) {
          return fail(`expected BRDA:<line>,<block>,<branch>,<taken or ->, found ${describeLine(bytes, start, end)}`);
        }
        return addBranch(line, dash ? 0 : digitsValue(bytes, takenStart, end, MAX_HITS - 1));
      }
    }
    const colon = indexIn(bytes, COLON, start, end);
    if (colon === -1) {
      if (end - start === END_OF_RECORD.length) {
        let same = true;
        for (let i = 0; i < END_OF_RECORD.length && same; i++) same = bytes[start + i] === END_OF_RECORD[i];
        if (same) return endRecord();
      }
      if (decoder.decode(bytes.subarray(start, end)).trim() === '') return;
      return fail(`expected an lcov record (KEY:value or end_of_record), found ${describeLine(bytes, start, end)}`);
    }
    if (colon === start + 2 && c0 === 83 && bytes[start + 1] === 70) {
      // SF:<path>
      if (current) return fail(`expected end_of_record before SF (record opened at line ${openedAt})`);
      const path = decoder.decode(bytes.subarray(colon + 1, end));
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
      const c = bytes[i]!;
      if (!((c >= 65 && c <= 90) || (i > start && (isDigit(c) || c === 95)))) {
        return fail(`expected an lcov record (KEY:value or end_of_record), found ${describeLine(bytes, start, end)}`);
      }
    }
  };

  /**
   * Handles the complete lines of bytes[from, limit), where bytes[limit - 1]
   * is a newline (so no read below goes past the end). The common
   * `DA:<line>,<hits>` record is parsed in place with its state in locals;
   * anything else goes to onLine.
   */
  const scan = (bytes: Uint8Array, from: number, limit: number): void => {
    let start = from;
    let lines = scratch;
    let max = maxLine;
    let count = lineNo;
    while (start < limit) {
      if (bytes[start] === 68 && bytes[start + 1] === 65 && bytes[start + 2] === COLON && current !== null) {
        // DA:<line>,<hits>. Digits are tested as (byte - 48) >>> 0 < 10: one comparison.
        let i = start + 3;
        let d = bytes[i]! - 48;
        let line = d;
        if (d >>> 0 < 10) {
          d = bytes[++i]! - 48;
          while (d >>> 0 < 10) {
            line = line * 10 + d;
            d = bytes[++i]! - 48;
          }
          if (d === COMMA - 48 && line < lines.length) {
            // The common case first: one digit of hits, then LF.
            const first = bytes[i + 1]! - 48;
            if (first >>> 0 < 10 && bytes[i + 2] === NL) {
              count++;
              lines[line]! |= first === 0 ? EXECUTABLE : COVERED;
              if (line > max) max = line;
              start = i + 3;
              continue;
            }
            const hitsStart = ++i;
            let hits = 0;
            d = bytes[i]! - 48;
            while (d >>> 0 < 10) {
              hits |= d;
              d = bytes[++i]! - 48;
            }
            if (i > hitsStart && (d === NL - 48 || (d === CR - 48 && bytes[i + 1] === NL))) {
              count++;
              lines[line]! |= hits === 0 ? EXECUTABLE : COVERED;
              if (line > max) max = line;
              start = d === NL - 48 ? i + 1 : i + 2;
              continue;
            }
          }
        }
      }
      if (
        bytes[start] === 66 &&
        bytes[start + 1] === 82 &&
        bytes[start + 2] === 68 &&
        bytes[start + 3] === 65 &&
        bytes[start + 4] === COLON &&
        current !== null &&
        ranks === null
      ) {
        // BRDA:<line>,<block>,<branch>,<taken or -> of a new file.
        let i = start + 5;
        let c = bytes[i]!;
        let line = 0;
        while (c >= 48 && c <= 57) {
          line = line * 10 + c - 48;
          c = bytes[++i]!;
        }
        if (c === COMMA && i > start + 5 && line <= MAX_LINE) {
          do c = bytes[++i]!;
          while (c !== COMMA && c !== NL);
          if (c === COMMA) {
            do c = bytes[++i]!;
            while (c !== COMMA && c !== NL);
          }
          if (c === COMMA) {
            const takenStart = ++i;
            let taken = 0;
            c = bytes[i]!;
            if (c === DASH) c = bytes[++i]!;
            else {
              while (c >= 48 && c <= 57) {
                taken = Math.min(taken * 10 + c - 48, MAX_HITS);
                c = bytes[++i]!;
              }
            }
            if (i > takenStart && (c === NL || (c === CR && bytes[i + 1] === NL))) {
              count++;
              addBranch(line, taken);
              start = c === NL ? i + 1 : i + 2;
              continue;
            }
          }
        }
      }
      let end = start;
      // KEY:… records that carry nothing we count (FN, FNDA, FNF, FNH, LF, LH, TN, BRF, BRH, VER, …) are skipped here.
      let c = bytes[end]!;
      if (c >= 65 && c <= 90) {
        do c = bytes[++end]!;
        while ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95);
        const key = end - start;
        const c0 = bytes[start];
        const c1 = bytes[start + 1];
        if (
          c === COLON &&
          !(key === 2 && ((c0 === 68 && c1 === 65) || (c0 === 83 && c1 === 70))) &&
          !(key === 4 && c0 === 66 && c1 === 82 && bytes[start + 2] === 68 && bytes[start + 3] === 65)
        ) {
          while (bytes[end] !== NL) end++;
          count++;
          if (end - start > MAX_REPORT_LINE_BYTES) tooLong(count);
          start = end + 1;
          continue;
        }
      }
      while (bytes[end] !== NL) end++;
      lineNo = count + 1;
      maxLine = max;
      onLine(bytes, start, end > start && bytes[end - 1] === CR ? end - 1 : end);
      lines = scratch;
      max = maxLine;
      count = lineNo;
      start = end + 1;
    }
    lineNo = count;
    maxLine = max;
  };

  /**
   * The start of a line cut across chunks, as copied pieces (a view would
   * keep the whole chunk alive): each chunk is searched for a newline once
   * and joined once, so a long line costs linear time, and a line over
   * MAX_REPORT_LINE_BYTES is refused as soon as it passes the cap.
   */
  let carry: Uint8Array[] = [];
  let carried = 0;
  const joinCarry = (tail: Uint8Array): Uint8Array => {
    const joined = new Uint8Array(carried + tail.length);
    let at = 0;
    for (const piece of [...carry, tail]) {
      joined.set(piece, at);
      at += piece.length;
    }
    carry = [];
    carried = 0;
    return joined;
  };
  const hold = (piece: Uint8Array): void => {
    carried += piece.length;
    if (carried > MAX_REPORT_LINE_BYTES + 1) tooLong(lineNo + 1);
    carry.push(piece.slice());
  };
  const consume = (bytes: Uint8Array): void => {
    let from = 0;
    if (carried > 0) {
      const newline = bytes.indexOf(NL);
      if (newline === -1) {
        hold(bytes);
        return;
      }
      if (carried + newline > MAX_REPORT_LINE_BYTES + 1) tooLong(lineNo + 1);
      const joined = joinCarry(bytes.subarray(0, newline + 1));
      scan(joined, 0, joined.length);
      from = newline + 1;
    }
    const limit = bytes.lastIndexOf(NL) + 1;
    if (limit > from) scan(bytes, from, limit);
    const rest = Math.max(from, limit);
    if (rest < bytes.length) hold(bytes.subarray(rest));
  };

  let held = '';
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      const text = textBytes({ text: held + chunk });
      held = text.held;
      consume(text.bytes);
    } else {
      // A plain Uint8Array view (not a Buffer subclass): one element kind for the JIT.
      consume(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
  }
  if (held) consume(ENCODER.encode(held));
  if (carried > 0) {
    const last = joinCarry(new Uint8Array(0));
    lineNo++;
    onLine(last, 0, last[last.length - 1] === CR ? last.length - 1 : last.length);
  }
  if (current) fail(`expected end_of_record before the end of the file (record opened at line ${openedAt})`);
  return { format: 'lcov', unit: 'lines', files };
}
