import type { ReleaseReport, Report, SegmentRulesReport } from '../report/types.ts';

/**
 * The rules a release was judged by: its segment's, as the report carries
 * them. The engine lists every segment that has a release; a report without
 * it is not one the engine made, and this says so.
 */
export function findReleaseRules({
  report,
  release,
}: {
  report: Pick<Report, 'segments'>;
  release: Pick<ReleaseReport, 'repo' | 'tag' | 'segment'>;
}): SegmentRulesReport {
  const segment = report.segments.find((s) => s.name === release.segment);
  if (!segment)
    throw new Error(`the report lists ${release.repo} ${release.tag} but not its segment "${release.segment}"`);
  return segment.rules;
}
