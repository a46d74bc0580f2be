import type { CoverageFormat, CoverageReport } from '../types.ts';
import { DETECT_HEAD_LENGTH, detectFormat } from './detect-format.ts';

type Chunks = AsyncIterable<string | Uint8Array>;
type Parser = (input: { chunks: Chunks; file: string }) => Promise<CoverageReport>;

// Loaded on first use: reading lcov never loads the XML parser or zod.
const parsers: Record<CoverageFormat, () => Promise<Parser>> = {
  lcov: async () => (await import('./parse-lcov.ts')).parseLcov,
  cobertura: async () => (await import('./parse-cobertura.ts')).parseCobertura,
  jacoco: async () => (await import('./parse-jacoco.ts')).parseJacoco,
  clover: async () => (await import('./parse-clover.ts')).parseClover,
  istanbul: async () => (await import('./parse-istanbul.ts')).parseIstanbul,
  go: async () => (await import('./parse-go.ts')).parseGo,
  xccov: async () => (await import('./parse-xccov.ts')).parseXccov,
};

/**
 * Reads chunks until `length` characters are seen; returns them and the whole
 * stream again. Held chunks are copied: a producer may reuse its buffer once
 * the next chunk is asked for.
 */
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
    const chunk = next.value;
    seen.push(typeof chunk === 'string' ? chunk : chunk.slice());
    // Only the first `length` bytes are decoded (at least `length` characters' worth is never fewer).
    head +=
      typeof chunk === 'string' ? chunk : decoder.decode(chunk.subarray(0, length - head.length), { stream: true });
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
 * or UTF-8 bytes; decompress `.gz` before). Each chunk is read before the
 * next is asked for, so a producer may refill one buffer. The format is detected from the
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
  if (format) return (await parsers[format]())({ chunks, file });
  const { head, all } = await peek({ chunks, length: DETECT_HEAD_LENGTH });
  return (await parsers[detectFormat({ head, file })]())({ chunks: all, file });
}
