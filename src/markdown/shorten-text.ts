/**
 * Cuts user text to at most `max` characters (ending in `…` when cut), so one
 * long title cannot fill a summary. Cut before escaping: never inside an escape.
 */
export function shortenText({ text, max }: { text: string; max: number }): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
