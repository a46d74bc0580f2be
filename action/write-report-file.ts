import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CollectedFacts } from '../src/github/index.ts';
import type { Report } from '../src/report/types.ts';

/**
 * Writes the JSON report, with what the collector could not read
 * (`collection`), to the runner's temp dir; returns its path (the `report`
 * output).
 */
export async function writeReportFile({
  dir,
  report,
  collected,
}: {
  dir: string;
  report: Report;
  collected: Pick<CollectedFacts, 'unavailable' | 'limitations'>;
}): Promise<string> {
  const path = join(dir, 'shipwell-report.json');
  const json = { ...report, collection: { unavailable: collected.unavailable, limitations: collected.limitations } };
  await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
  return path;
}
