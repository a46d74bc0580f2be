const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A copy of `text` that shares no memory with it. A substring of a large
 * decoded chunk (an XML attribute, say) may be a slice that keeps the whole
 * chunk alive; a path kept as a Map key must not, or memory grows with the
 * report's size instead of its number of files.
 */
export function copyString(text: string): string {
  return decoder.decode(encoder.encode(text));
}
