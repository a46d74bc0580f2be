import type { RepoInfoFact } from '../events/types.ts';

/** Oldest first: by observedAt (none = oldest), then origin, so arrival order never matters. */
function compareObservations(a: RepoInfoFact, b: RepoInfoFact): number {
  return (
    (a.observedAt ?? Number.NEGATIVE_INFINITY) - (b.observedAt ?? Number.NEGATIVE_INFINITY) ||
    (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0)
  );
}

/**
 * A repository's topics and custom properties from its repo-info facts
 * (docs/kpis.md, "Segments"): per property, the newest observation that says something
 * wins. `deciding` lists the facts that won something, oldest first: reducing
 * them together with any further facts gives what reducing every fact would,
 * so a caller may keep only those.
 */
export function reduceRepoInfo(infos: readonly RepoInfoFact[]): {
  topics: string[] | null;
  customProperties: Record<string, string | string[]>;
  deciding: RepoInfoFact[];
} {
  const ordered = infos.length > 1 ? [...infos].sort(compareObservations) : infos;
  let topics: RepoInfoFact | null = null;
  const properties = new Map<string, RepoInfoFact>();
  const customProperties: Record<string, string | string[]> = {};
  for (const info of ordered) {
    if (info.topics && info.topics.length > 0) topics = info;
    if (info.customProperties) {
      for (const [key, value] of Object.entries(info.customProperties)) {
        const empty = Array.isArray(value) ? value.length === 0 : value === '';
        if (empty) continue;
        customProperties[key] = value;
        properties.set(key, info);
      }
    }
  }
  const winners = new Set(properties.values());
  if (topics) winners.add(topics);
  // Oldest first, each once (one fact object given twice is one fact).
  const deciding = ordered.filter((info) => winners.delete(info));
  return { topics: topics?.topics ?? null, customProperties, deciding };
}
