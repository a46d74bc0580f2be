import type { Instant } from '../time/index.ts';
import { tagOfRef } from './tag-of-ref.ts';
import type { ScopedRelease } from './types.ts';

export interface ReleaseLookup {
  byTag(tag: string): ScopedRelease | undefined;
  /** The release a commit or ref names: its tag (`v1`, `refs/tags/v1`), else its sha. */
  named(target: { sha: string | null; ref: string | null; at: Instant }): ScopedRelease | undefined;
  /** The first release published at or after `at`. */
  firstAtOrAfter(at: Instant): ScopedRelease | undefined;
  /** The latest release published strictly before `at`. */
  latestBefore(at: Instant): ScopedRelease | undefined;
}

/** Index over one repo's in-scope releases (sorted oldest first). */
export function createReleaseLookup(releases: readonly ScopedRelease[]): ReleaseLookup {
  const tags = new Map(releases.map((r) => [r.tag, r]));
  const shas = new Map<string, ScopedRelease[]>();
  for (const r of releases) {
    if (r.sha === null) continue;
    const list = shas.get(r.sha);
    if (list) list.push(r);
    else shas.set(r.sha, [r]);
  }
  // Index of the first release with publishedAt >= at.
  const lowerBound = (at: Instant): number => {
    let lo = 0;
    let hi = releases.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (releases[mid]!.publishedAt < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    byTag: (tag) => tags.get(tag),
    named({ sha, ref, at }) {
      if (ref !== null) {
        const byRef = tags.get(tagOfRef(ref));
        if (byRef) return byRef;
      }
      if (sha === null) return undefined;
      const candidates = shas.get(sha);
      if (!candidates) return undefined;
      // Several releases of one commit: the newest one published by then, else the first.
      let chosen = candidates[0];
      for (const r of candidates) if (r.publishedAt <= at) chosen = r;
      return chosen;
    },
    firstAtOrAfter: (at) => releases[lowerBound(at)],
    latestBefore: (at) => releases[lowerBound(at) - 1],
  };
}
