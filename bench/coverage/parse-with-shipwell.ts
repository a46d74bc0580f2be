// Child process of the benchmark: reads, parses, merges and totals one
// coverage file exactly as `shipwell coverage FILE` does (files/ reads it,
// src/coverage/ parses it), then prints the totals and the peak RSS as JSON.
import { readCoverageFiles } from '../../files/read-coverage-files.ts';
import { coverageTotals } from '../../src/coverage/coverage-totals.ts';
import { mergeCoverage } from '../../src/coverage/merge-coverage.ts';

const file = process.argv[2]!;
const totals = coverageTotals(mergeCoverage(await readCoverageFiles({ files: [file] })));
console.log(JSON.stringify({ lines: totals.lines, files: totals.files, maxRssKb: process.resourceUsage().maxRSS }));
