import type { FileCoverage } from './types.ts';

/** Line → hit count of each branch outcome on it (in rank order), lines ascending; null without branch data. */
export function branchHitsOf(file: FileCoverage): Map<number, number[]> | null {
  const branches = file.branches;
  if (!branches) return null;
  const byLine = new Map<number, number[]>();
  for (let i = 0; i < branches.length; i++) {
    const line = branches.line[i]!;
    const outcomes = byLine.get(line);
    if (outcomes) outcomes.push(branches.hits[i]!);
    else byLine.set(line, [branches.hits[i]!]);
  }
  return new Map([...byLine].sort(([a], [b]) => a - b));
}
