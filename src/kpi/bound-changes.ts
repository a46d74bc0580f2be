import type { Instant } from '../time/index.ts';
import type { FactSource } from './fact-source.ts';
import type { RetractionState } from './repo-facts.ts';
import type { ScopedRelease } from './types.ts';

function sameRelease(a: ScopedRelease, b: ScopedRelease): boolean {
  return (
    a.repo === b.repo &&
    a.tag === b.tag &&
    a.name === b.name &&
    a.sha === b.sha &&
    a.publishedAt === b.publishedAt &&
    a.windowEnd === b.windowEnd &&
    a.prerelease === b.prerelease
  );
}

/** The publication of the latest release in `releases` published strictly before `release`; -∞ when none. */
function publishedBefore(releases: readonly ScopedRelease[], release: ScopedRelease): Instant {
  let latest = Number.NEGATIVE_INFINITY;
  for (const r of releases) if (r.publishedAt < release.publishedAt && r.publishedAt > latest) latest = r.publishedAt;
  return latest;
}

/**
 * How far back new facts can reach into a repository's evaluation
 * (docs/kpis.md, "Re-evaluating only what can change"): an item (activity,
 * rollback) at time t is as the previous evaluation found it when
 * t < groupsFrom and t <= releasesAfter. Groups changed reach back to their
 * earliest time; a release added, removed or changed (`moved`) to the latest
 * release published strictly before it (in either list) and to the earliest
 * time of any group naming its commit or tag; a retraction to its time.
 */
export async function boundChanges({
  before,
  after,
  retractions,
  releaseTags,
  timedGroups,
  source,
}: {
  /** The in-scope releases of the previous evaluation and of this one, oldest first. */
  before: readonly ScopedRelease[];
  after: readonly ScopedRelease[];
  /** Every retraction known now. */
  retractions: readonly RetractionState[];
  /** Tags whose release group changed. */
  releaseTags: ReadonlySet<string>;
  /** Changed groups of facts that happen at a time. */
  timedGroups: readonly string[];
  source: Pick<FactSource, 'earliestAt'>;
}): Promise<{ groupsFrom: Instant; releasesAfter: Instant; moved: Set<string> }> {
  const beforeByTag = new Map(before.map((r) => [r.tag, r]));
  const afterByTag = new Map(after.map((r) => [r.tag, r]));
  let groupsFrom = Number.POSITIVE_INFINITY;
  let releasesAfter = Number.POSITIVE_INFINITY;
  const shas = new Set<string>();
  const moved = new Set<string>();
  for (const tag of new Set([...beforeByTag.keys(), ...afterByTag.keys()])) {
    const was = beforeByTag.get(tag);
    const is = afterByTag.get(tag);
    if (was && is && sameRelease(was, is)) continue;
    moved.add(tag);
    for (const [list, release] of [
      [before, was],
      [after, is],
    ] as const) {
      if (!release) continue;
      releasesAfter = Math.min(releasesAfter, publishedBefore(list, release));
      if (release.sha !== null) shas.add(release.sha);
    }
  }
  for (const r of retractions) {
    if (releaseTags.has(r.tag) || moved.has(r.tag)) groupsFrom = Math.min(groupsFrom, r.at);
  }
  if (timedGroups.length > 0 || moved.size > 0) {
    const earliest = await source.earliestAt({ groups: [...timedGroups], shas: [...shas], refs: [...moved] });
    if (earliest !== null) groupsFrom = Math.min(groupsFrom, earliest);
  }
  return { groupsFrom, releasesAfter, moved };
}
