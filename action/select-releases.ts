import type { ReleaseReport, Report } from '../src/report/types.ts';
import { DAY, type Instant, parseInstant } from '../src/time/index.ts';

/** How long after its window closes a release is still published: a missed daily run still finalises it. */
export const FINALISE_GRACE = 7 * DAY;

/**
 * The releases of `repo` whose verdict may be open or changed, so worth
 * publishing: with `only` (the `release` input) just that one; otherwise
 * every pending release, every release whose window closed within the grace
 * period, and the release of the event.
 */
export function selectReleases({
  report,
  repo,
  only,
  eventTag,
  now,
}: {
  report: Pick<Report, 'releases'>;
  repo: string;
  only: string | null;
  eventTag: string | null;
  now: Instant;
}): ReleaseReport[] {
  const own = report.releases.filter((release) => release.repo === repo);
  if (only !== null) return own.filter((release) => release.tag === only);
  return own.filter(
    (release) =>
      release.status === 'pending' ||
      release.tag === eventTag ||
      (parseInstant(release.windowEnd) ?? 0) >= now - FINALISE_GRACE,
  );
}
