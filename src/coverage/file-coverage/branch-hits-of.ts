import type { FileCoverage } from '../types.ts';

/** Line → hit count of each branch outcome on it (in rank order), lines ascending; null without branch data. */
export function branchHitsOf(file: FileCoverage): Map<number, number[]> | null {
  const branches = file.branches;
  if (!branches) return null;
  const byLine = new Map<number, number[]>();
  const { pairs, start } = branches;
  for (let i = 0; i < branches.length; i++) {
    const line = pairs[start + 2 * i]!;
    const hits = pairs[start + 2 * i + 1]!;
    const outcomes = byLine.get(line);
    if (outcomes) outcomes.push(hits);
    else byLine.set(line, [hits]);
  }
  return new Map([...byLine].sort(([a], [b]) => a - b));
}
