// Child process of the benchmark: parses one lcov file with the lcov-parse
// npm package, prints the same totals (from its DA details) and peak RSS.
import { createRequire } from 'node:module';

interface LcovFile {
  lines: { details: { line: number; hit: number }[] };
}
const lcovParse = createRequire(import.meta.url)('lcov-parse') as (
  file: string,
  callback: (error: unknown, data: LcovFile[]) => void,
) => void;

const file = process.argv[2]!;
lcovParse(file, (error, data) => {
  if (error) throw new Error(String(error));
  const lines = { covered: 0, total: 0 };
  for (const entry of data) {
    for (const detail of entry.lines.details) {
      lines.total++;
      if (detail.hit > 0) lines.covered++;
    }
  }
  console.log(JSON.stringify({ lines, files: data.length, maxRssKb: process.resourceUsage().maxRSS }));
});
