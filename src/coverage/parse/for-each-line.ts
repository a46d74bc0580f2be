const PIECE = 16 * 1024;

/**
 * Streams text lines out of chunks (strings or UTF-8 bytes) without holding
 * the whole input: calls `onLine` with each line (CR of CRLF and a leading
 * BOM removed) and its 1-based number. Returns the number of lines. A line
 * may be a slice of a larger string: copy what you keep (see `copyString`).
 */
export async function forEachLine({
  chunks,
  onLine,
}: {
  chunks: AsyncIterable<string | Uint8Array>;
  onLine: (text: string, line: number) => void;
}): Promise<number> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let line = 0;
  let first = true;
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
    text = carry + text;
    let start = 0;
    let end = text.indexOf('\n', start);
    while (end !== -1) {
      emit(text.slice(start, end));
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    carry = text.slice(start);
  };
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') consume(chunk);
    // Decoded in small pieces: short-lived strings stay in V8's young generation.
    else
      for (let i = 0; i < chunk.length; i += PIECE)
        consume(decoder.decode(chunk.subarray(i, i + PIECE), { stream: true }));
  }
  carry += decoder.decode();
  if (carry.length > 0) emit(carry);
  return line;
}
