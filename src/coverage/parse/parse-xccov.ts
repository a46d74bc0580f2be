import { z } from 'zod';
import { emptyFileCoverage } from '../file-coverage/empty-file-coverage.ts';
import type { CoverageInput, CoverageReport, FileCoverage } from '../types.ts';
import { readJson } from './read-json.ts';

const count = z.number().int().nonnegative();
const schema = z.object({
  coveredLines: count,
  executableLines: count,
  targets: z.array(
    z.object({
      name: z.string(),
      files: z.array(z.object({ path: z.string(), coveredLines: count, executableLines: count })),
    }),
  ),
});

/**
 * Parses `xcrun xccov view --report --json`: per-file `executableLines` and
 * `coveredLines` (totals only, no per-line data). A file listed in several
 * targets counts once: the listing with the most executable, then covered, lines.
 */
export async function parseXccov({ chunks, file }: CoverageInput): Promise<CoverageReport> {
  const report = await readJson({ chunks, file, schema, expected: 'xccov view --report --json output' });
  const files = new Map<string, FileCoverage>();
  for (const target of report.targets) {
    for (const entry of target.files) {
      const seen = files.get(entry.path)?.totals?.lines;
      if (
        seen &&
        (seen.total > entry.executableLines ||
          (seen.total === entry.executableLines && seen.covered >= entry.coveredLines))
      ) {
        continue;
      }
      files.set(entry.path, {
        ...emptyFileCoverage({ withBranches: false }),
        totals: { lines: { covered: entry.coveredLines, total: entry.executableLines }, branches: null },
      });
    }
  }
  return { format: 'xccov', unit: 'lines', files };
}
