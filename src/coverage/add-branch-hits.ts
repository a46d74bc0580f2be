import type { FileCoverage } from './types.ts';

/**
 * Adds hit counts to the branch outcomes of a line, outcome by outcome
 * (`index` is the outcome's position on that line).
 */
export function addBranchHits({
  file,
  line,
  index,
  hits,
}: {
  file: FileCoverage;
  line: number;
  index: number;
  hits: number;
}): void {
  if (!file.branches) file.branches = new Map();
  let outcomes = file.branches.get(line);
  if (!outcomes) {
    outcomes = [];
    file.branches.set(line, outcomes);
  }
  while (outcomes.length <= index) outcomes.push(0);
  outcomes[index] = outcomes[index]! + hits;
}
