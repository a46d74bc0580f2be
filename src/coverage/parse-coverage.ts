import { DETECT_HEAD_LENGTH, detectFormat } from './detect-format.ts';
import { parseClover } from './parse-clover.ts';
import { parseCobertura } from './parse-cobertura.ts';
import { parseGo } from './parse-go.ts';
import { parseIstanbul } from './parse-istanbul.ts';
import { parseJacoco } from './parse-jacoco.ts';
import { parseLcov } from './parse-lcov.ts';
import { parseXccov } from './parse-xccov.ts';
import type { CoverageFormat, CoverageReport } from './types.ts';

type Chunks = AsyncIterable<string | Uint8Array>;

const parsers: Record<CoverageFormat, (input: { chunks: Chunks; file: string }) => Promise<CoverageReport>> = {
  lcov: parseLcov,
  cobertura: parseCobertura,
  jacoco: parseJacoco,
  clover: parseClover,
  istanbul: parseIstanbul,
  go: parseGo,
  xccov: parseXccov,
};

/** Reads chunks until `length` characters are seen; returns them and the whole stream again. */
async function peek({ chunks, length }: { chunks: Chunks; length: number }): Promise<{ head: string; all: Chunks }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: (string | Uint8Array)[] = [];
  const decoder = new TextDecoder('utf-8');
  let head = '';
  let done = false;
  while (head.length < length) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    head += typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
  }
  async function* all(): AsyncGenerator<string | Uint8Array> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, all: all() };
}

/**
 * Parses one coverage report from its content, streamed as chunks (strings
 * or UTF-8 bytes; decompress `.gz` before). The format is detected from the
 * content unless given. Throws a CoverageError (`FILE:LINE: expected …`) on
 * malformed or truncated input: nothing partial is returned.
 */
export async function parseCoverage({
  chunks,
  file,
  format,
}: {
  chunks: Chunks;
  file: string;
  format?: CoverageFormat;
}): Promise<CoverageReport> {
  if (format) return parsers[format]({ chunks, file });
  const { head, all } = await peek({ chunks, length: DETECT_HEAD_LENGTH });
  return parsers[detectFormat({ head, file })]({ chunks: all, file });
}
