/**
 * Streams text lines out of chunks (strings or UTF-8 bytes) without holding
 * the whole input: calls `onLine` with each line (CR of CRLF and a leading
 * BOM removed) and its 1-based number. Returns the number of lines.
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
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
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
  }
  carry += decoder.decode();
  if (carry.length > 0) emit(carry);
  return line;
}
