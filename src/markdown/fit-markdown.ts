import { formatCount } from './format-count.ts';
import type { MarkdownLine, MarkdownUnit } from './types.ts';

const UNITS: readonly MarkdownUnit[] = ['segment', 'release'];

function describeCut({ lines, from }: { lines: readonly MarkdownLine[]; from: number }): string {
  const counts = new Map<MarkdownUnit, number>();
  for (const line of lines.slice(from)) {
    if (line.unit) counts.set(line.unit, (counts.get(line.unit) ?? 0) + 1);
  }
  const parts = UNITS.flatMap((unit) => {
    const n = counts.get(unit) ?? 0;
    return n > 0 ? [`${formatCount(n)} more ${unit}${n === 1 ? '' : 's'}`] : [];
  });
  if (parts.length > 0) return parts.join(' and ');
  const rest = lines.length - from;
  return `${formatCount(rest)} more line${rest === 1 ? '' : 's'}`;
}

function truncationNote({
  lines,
  from,
  maxLength,
  hint,
}: {
  lines: readonly MarkdownLine[];
  from: number;
  maxLength: number;
  hint: string;
}): string {
  const what = describeCut({ lines, from });
  return `_… truncated: ${what} not shown (this summary is limited to ${formatCount(maxLength)} characters). ${hint}_`;
}

/**
 * Joins lines into Markdown of at most `maxLength` characters. When the whole
 * does not fit, it is cut between two lines (never inside a table row),
 * dangling headings and table headers go too, and a visible note after a
 * blank line says how much was left out. The result is never longer than
 * `maxLength`, even when only part of the note fits.
 */
export function fitMarkdown({
  lines,
  maxLength,
  hint,
}: {
  lines: readonly MarkdownLine[];
  maxLength: number;
  hint: string;
}): string {
  const whole = lines.map((line) => `${line.text}\n`).join('');
  if (whole.length <= maxLength) return whole;
  // ends[k] = length of the first k lines, each with its newline.
  const ends = [0];
  for (const line of lines) ends.push(ends.at(-1)! + line.text.length + 1);
  let kept = ends.findLastIndex((end) => end <= maxLength);
  for (; kept >= 0; kept -= 1) {
    while (kept > 0 && (lines[kept - 1]!.keepWithNext || lines[kept - 1]!.text.trim() === '')) kept -= 1;
    const note = truncationNote({ lines, from: kept, maxLength, hint });
    const separator = kept > 0 ? 1 : 0;
    if (ends[kept]! + separator + note.length + 1 <= maxLength) {
      return `${whole.slice(0, ends[kept])}${separator ? '\n' : ''}${note}\n`;
    }
  }
  const note = truncationNote({ lines, from: 0, maxLength, hint });
  return maxLength <= 0 ? '' : `${note.slice(0, maxLength - 1)}…`;
}
