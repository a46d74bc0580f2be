import type { Config, SegmentRules } from '../config/types.ts';
import type { RepoFacts } from './repo-facts.ts';
import type { ScopedRelease } from './types.ts';

/**
 * The repo's in-scope releases (docs/kpis.md, "The North Star: well-packaged releases per two weeks"), oldest first: drafts never,
 * prereleases only with `includePrereleases`.
 */
export function scopeReleases({
  facts,
  config,
  rules,
}: {
  facts: RepoFacts;
  config: Pick<Config, 'includePrereleases'>;
  rules: Pick<SegmentRules, 'rollbackWindow'>;
}): ScopedRelease[] {
  const scoped: ScopedRelease[] = [];
  for (const release of facts.releases.values()) {
    if (release.draft) continue;
    if (release.prerelease && !config.includePrereleases) continue;
    scoped.push({
      repo: facts.repo,
      tag: release.tag,
      name: release.name,
      sha: facts.shas.get(release.tag) ?? null,
      publishedAt: release.publishedAt,
      windowEnd: release.publishedAt + rules.rollbackWindow,
      prerelease: release.prerelease,
    });
  }
  return scoped.sort(compareReleases);
}

/** By publishedAt, then tag: one order for every caller. */
export function compareReleases(a: ScopedRelease, b: ScopedRelease): number {
  return a.publishedAt - b.publishedAt || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
}
