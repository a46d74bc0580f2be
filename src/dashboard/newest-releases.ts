import type { ReleaseReport, Report } from '../report/types.ts';

/** The report's releases of one segment (`all`: every one), newest first, then by repo and tag. */
export function newestReleases({ report, segment }: { report: Report; segment: string }): ReleaseReport[] {
  return report.releases
    .filter((release) => segment === 'all' || release.segment === segment)
    .sort((a, b) => {
      if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
      if (a.repo !== b.repo) return a.repo < b.repo ? -1 : 1;
      return a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0;
    });
}
