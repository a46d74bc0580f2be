import type { FileCoverage } from '../types.ts';
import { addBranchHits } from './add-branch-hits.ts';
import { appendBranch } from './append-branch.ts';

/**
 * Records a line's branches from formats that give only counts (`covered` of
 * `total` outcomes taken): the first `covered` outcomes get one hit. `fresh`:
 * the file has no earlier data for this line's outcomes (append, no lookup).
 */
export function addOutcomes({
  file,
  line,
  covered,
  total,
  fresh,
}: {
  file: FileCoverage;
  line: number;
  covered: number;
  total: number;
  fresh: boolean;
}): void {
  for (let index = 0; index < total; index++) {
    const hits = index < covered ? 1 : 0;
    if (fresh) appendBranch({ file, line, hits });
    else addBranchHits({ file, line, index, hits });
  }
}
