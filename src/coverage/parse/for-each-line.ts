import { CoverageError } from '../coverage-error.ts';
import { MAX_REPORT_LINE_BYTES } from '../types.ts';

const PIECE = 16 * 1024;

/**
 * Streams text lines out of chunks (strings or UTF-8 bytes) without holding
 * the whole input: calls `onLine` with each line (CR of CRLF and a leading
 * BOM removed) and its 1-based number. Returns the number of lines. A line
 * may be a slice of a larger string: copy what you keep (see `copyString`).
 * Each piece of text is searched for a newline once (the start of a line
 * cut across pieces is kept as a list, joined once), so a long line costs
 * linear time; a line longer than MAX_REPORT_LINE_BYTES (counted in UTF-16
 * units, never fewer than its bytes' worth of ASCII) is a CoverageError
 * naming `file` and the line.
 */
export async function forEachLine({
  chunks,
  file,
  onLine,
}: {
  chunks: AsyncIterable<string | Uint8Array>;
  file: string;
  onLine: (text: string, line: number) => void;
}): Promise<number> {
  const decoder = new TextDecoder('utf-8');
  let carry: string[] = [];
  let carried = 0;
  let line = 0;
  let first = true;
  const tooLong = (): never => {
    throw new CoverageError({
      file,
      line: line + 1,
      reason: `expected lines of at most ${MAX_REPORT_LINE_BYTES} bytes, found a longer one`,
    });
  };
  const emit = (text: string): void => {
    line++;
    onLine(text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text, line);
  };
  const consume = (decoded: string): void => {
    let text = decoded;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    let end = text.indexOf('\n');
    if (end !== -1 && carried > 0) {
      if (carried + end > MAX_REPORT_LINE_BYTES + 1) tooLong();
      carry.push(text.slice(0, end));
      emit(carry.join(''));
      carry = [];
      carried = 0;
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    while (end !== -1) {
      if (end - start > MAX_REPORT_LINE_BYTES + 1) tooLong();
      emit(text.slice(start, end));
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    if (start < text.length) {
      carried += text.length - start;
      if (carried > MAX_REPORT_LINE_BYTES + 1) tooLong();
      carry.push(text.slice(start));
    }
  };
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') consume(chunk);
    // Decoded in small pieces: short-lived strings stay in V8's young generation.
    else
      for (let i = 0; i < chunk.length; i += PIECE)
        consume(decoder.decode(chunk.subarray(i, i + PIECE), { stream: true }));
  }
  const rest = decoder.decode();
  if (rest.length > 0) consume(rest);
  if (carried > 0) emit(carry.join(''));
  return line;
}
