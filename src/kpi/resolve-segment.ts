import { compileGlob } from '../config/index.ts';
import type { Config } from '../config/types.ts';

export const UNSEGMENTED = 'unsegmented';
const BUILT_IN_TOPICS = ['cloud', 'ios', 'on-prem'];

type SegmentConfig = Pick<Config, 'segment' | 'segments' | 'segmentProperty'>;

/**
 * Compiles the segment rules once; the returned function names the one
 * segment of a repo (docs/kpis.md, "Segments"): the top-level `segment`, else the first
 * matching rule in file order, else the custom property, else a topic, else
 * `unsegmented`.
 */
export function createSegmentResolver(
  config: SegmentConfig,
): (repo: { repo: string; topics: string[] | null; customProperties: Record<string, string | string[]> }) => string {
  const rules = config.segments.map(({ name, patterns }) => ({
    name,
    matchers: patterns.map((pattern) => {
      const glob = compileGlob(pattern); // linear time in the name (docs/configuration.md, "Segments by glob")
      return { full: pattern.includes('/'), test: (text: string) => glob.test(text) };
    }),
  }));
  const topicSegments = [...BUILT_IN_TOPICS, ...config.segments.map((s) => s.name)];

  return ({ repo, topics, customProperties }) => {
    if (config.segment) return config.segment;
    const name = repo.slice(repo.indexOf('/') + 1);
    for (const rule of rules) {
      if (rule.matchers.some((m) => m.test(m.full ? repo : name))) return rule.name;
    }
    const property = customProperties[config.segmentProperty];
    const value = Array.isArray(property) ? property[0] : property;
    if (value) return value;
    if (topics) {
      const lower = new Set(topics.map((t) => t.toLowerCase()));
      for (const segment of topicSegments) if (lower.has(segment.toLowerCase())) return segment;
    }
    return UNSEGMENTED;
  };
}
