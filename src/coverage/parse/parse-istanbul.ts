import { z } from 'zod';
import { addLineHits } from '../file-coverage/add-line-hits.ts';
import { appendBranch } from '../file-coverage/append-branch.ts';
import { createArena } from '../file-coverage/create-arena.ts';
import { emptyFileCoverage } from '../file-coverage/empty-file-coverage.ts';
import { packFileCoverage } from '../file-coverage/pack-file-coverage.ts';
import type { CoverageInput, CoverageReport, FileCoverage } from '../types.ts';
import { MAX_LINE_NUMBER } from '../types.ts';
import { readJson } from './read-json.ts';

const count = z.number().int().nonnegative();
const position = z.object({ line: count.max(MAX_LINE_NUMBER) });
const fileData = z.object({
  path: z.string().optional(),
  statementMap: z.record(z.string(), z.object({ start: position })),
  s: z.record(z.string(), count),
  branchMap: z
    .record(
      z.string(),
      z.object({
        line: count.optional(),
        loc: z.object({ start: position }).optional(),
        locations: z.array(z.object({ start: position.partial() })).optional(),
      }),
    )
    .default({}),
  b: z.record(z.string(), z.array(count)).default({}),
});
const finalSchema = z.record(z.string(), z.union([fileData, z.object({ data: fileData })]));
const metric = z.object({ total: count, covered: count });
const summarySchema = z
  .object({ total: z.object({ lines: metric }) })
  .catchall(z.object({ lines: metric, branches: metric.optional() }));

/**
 * Parses Istanbul JSON (nyc, c8, jest, vitest): `coverage-final.json` (lines
 * as Istanbul's `getLineCoverage`: a line per statement start, hits = the
 * highest statement count on it; branches from `b`) or
 * `coverage-summary.json` (per-file totals only; its `total` entry is skipped).
 */
export async function parseIstanbul({ chunks, file }: CoverageInput): Promise<CoverageReport> {
  const value = await readJson({
    chunks,
    file,
    schema: z.union([summarySchema, finalSchema]),
    expected: 'Istanbul coverage-final.json or coverage-summary.json',
  });
  const files = new Map<string, FileCoverage>();
  if ('total' in value && value.total !== undefined && 'lines' in value.total) {
    for (const [path, entry] of Object.entries(value as z.infer<typeof summarySchema>)) {
      if (path === 'total') continue;
      const branches = 'branches' in entry && entry.branches ? entry.branches : null;
      files.set(path, {
        ...emptyFileCoverage({ withBranches: false }),
        totals: {
          lines: { covered: entry.lines.covered, total: entry.lines.total },
          branches: branches ? { covered: branches.covered, total: branches.total } : null,
        },
      });
    }
    return { format: 'istanbul', unit: 'lines', files };
  }
  const arena = createArena();
  for (const [key, entry] of Object.entries(value as z.infer<typeof finalSchema>)) {
    const data = 'data' in entry ? entry.data : entry;
    const coverage = emptyFileCoverage({ withBranches: true });
    const lineMax = new Map<number, number>();
    for (const [id, hits] of Object.entries(data.s)) {
      const statement = data.statementMap[id];
      if (!statement) continue;
      const line = statement.start.line;
      const previous = lineMax.get(line);
      if (previous === undefined || previous < hits) lineMax.set(line, hits);
    }
    for (const [line, hits] of lineMax) addLineHits({ file: coverage, line, hits });
    for (const [id, outcomes] of Object.entries(data.b)) {
      const branch = data.branchMap[id];
      const line = branch?.line || branch?.loc?.start.line || branch?.locations?.[0]?.start.line || 0;
      for (const hits of outcomes) appendBranch({ file: coverage, line, hits });
    }
    packFileCoverage({ file: coverage, arena });
    files.set(data.path ?? key, coverage);
  }
  return { format: 'istanbul', unit: 'lines', files };
}
