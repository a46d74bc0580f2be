// Structural checks on rendered Markdown, used by several renderer tests.

/** How many `|` in a line are cell separators (not preceded by an odd run of backslashes). */
export function countUnescapedPipes(line: string): number {
  let count = 0;
  let backslashes = 0;
  for (const char of line) {
    if (char === '|' && backslashes % 2 === 0) count += 1;
    backslashes = char === '\\' ? backslashes + 1 : 0;
  }
  return count;
}

/** Every table (a run of lines starting with `|`): rows whose cell count differs from the header's. */
export function findBrokenTableRows(markdown: string): string[] {
  const broken: string[] = [];
  let header: number | null = null;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      header = null;
      continue;
    }
    const pipes = countUnescapedPipes(line);
    if (header === null) header = pipes;
    else if (pipes !== header) broken.push(line);
  }
  return broken;
}

/** Lines of a table that are followed, without a blank line, by a non-table line (which GFM would absorb as a row). */
export function findUnterminatedTables(markdown: string): string[] {
  const lines = markdown.split('\n');
  return lines.filter((line, i) => {
    const next = lines[i + 1];
    return line.startsWith('|') && next !== undefined && next !== '' && !next.startsWith('|');
  });
}
