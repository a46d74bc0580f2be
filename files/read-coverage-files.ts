import { type CoverageFormat, type CoverageReport, parseCoverage } from '../src/coverage/index.ts';
import { readCoverageFile } from './read-coverage-file.ts';

/**
 * Parses each file (gzip or plain; format detected unless `format` is given),
 * in order. Throws CoverageError (FILE:LINE: expected/found) or
 * CoverageFileError (cannot open / broken gzip).
 */
export async function readCoverageFiles({
  files,
  format,
}: {
  files: readonly string[];
  format?: CoverageFormat | undefined;
}): Promise<CoverageReport[]> {
  const reports: CoverageReport[] = [];
  for (const file of files) reports.push(await parseCoverage({ chunks: readCoverageFile(file), file, format }));
  return reports;
}
