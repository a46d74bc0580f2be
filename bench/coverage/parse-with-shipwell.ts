// Child process of the benchmark: parses one lcov file with Shipwell's
// streaming parser, prints its totals and the process's peak RSS as JSON.
import { createReadStream } from 'node:fs';
import { coverageTotals } from '../../src/coverage/coverage-totals.ts';
import { mergeCoverage } from '../../src/coverage/merge-coverage.ts';
import { parseCoverage } from '../../src/coverage/parse-coverage.ts';

const file = process.argv[2]!;
const report = await parseCoverage({ chunks: createReadStream(file, { highWaterMark: 1 << 20 }), file });
const totals = coverageTotals(mergeCoverage([report]));
console.log(JSON.stringify({ lines: totals.lines, files: totals.files, maxRssKb: process.resourceUsage().maxRSS }));
