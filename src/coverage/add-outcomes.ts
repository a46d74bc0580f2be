import { addBranchHits } from './add-branch-hits.ts';
import type { FileCoverage } from './types.ts';

/**
 * Records a line's branches from formats that give only counts (`covered` of
 * `total` outcomes taken): the first `covered` outcomes get one hit.
 */
export function addOutcomes({
  file,
  line,
  covered,
  total,
}: {
  file: FileCoverage;
  line: number;
  covered: number;
  total: number;
}): void {
  for (let index = 0; index < total; index++) addBranchHits({ file, line, index, hits: index < covered ? 1 : 0 });
}
