// Child process of the benchmark: as parse-with-shipwell.ts, but the file is
// read into one reused 1 MB buffer instead of a new buffer per chunk (the
// reading change proposed for adapters/read-coverage-file.ts: parseCoverage
// reads each chunk before asking for the next, so a buffer may be refilled).
import { open } from 'node:fs/promises';
import { coverageTotals } from '../../src/coverage/coverage-totals.ts';
import { mergeCoverage } from '../../src/coverage/merge-coverage.ts';
import { parseCoverage } from '../../src/coverage/parse-coverage.ts';

async function* readReusing(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  const buffer = new Uint8Array(1 << 20);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

const file = process.argv[2]!;
const totals = coverageTotals(mergeCoverage([await parseCoverage({ chunks: readReusing(file), file })]));
console.log(JSON.stringify({ lines: totals.lines, files: totals.files, maxRssKb: process.resourceUsage().maxRSS }));
