import { rulesForSegment } from '../config/index.ts';
import type { Config, SegmentRules } from '../config/types.ts';
import type { AlertFact, Fact, RepoInfoFact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import { evaluateReleases } from './evaluate-releases.ts';
import { evaluationConfigKey } from './evaluation-config-key.ts';
import { indexRepoFacts } from './index-repo-facts.ts';
import { reduceAlert } from './reduce-alert.ts';
import { reduceRepoInfo } from './reduce-repo-info.ts';
import { createSegmentResolver } from './resolve-segment.ts';
import type { AlertEvaluation, RepoEvaluation } from './types.ts';

/** The format of RepoEvaluation: bump it when what an evaluation holds or means changes. */
export const EVALUATION_VERSION = 2;

/** A segment's rules and the evaluation config key they give. */
export interface SegmentSettings {
  rules: SegmentRules;
  configKey: string;
}

export interface RepoEvaluator {
  /** The rules of a segment and its evaluation config key, resolved once per segment. */
  settingsOf(segment: string): SegmentSettings;
  /** The segment of a repo whose deciding repo-info facts are `repoInfo`. */
  segmentOf(repo: string, repoInfo: readonly RepoInfoFact[]): string;
  /** One repository's evaluation from its facts (every fact given is taken as this repo's). */
  evaluate({ repo, facts, now }: { repo: string; facts: Iterable<Fact>; now: Instant }): RepoEvaluation;
}

function alertsOf(alerts: Map<number, AlertFact[]>): AlertEvaluation[] {
  const out: AlertEvaluation[] = [];
  for (const observations of alerts.values()) out.push(reduceAlert(observations));
  return out.sort((a, b) => a.number - b.number);
}

/**
 * Compiles what evaluating repositories under one config needs once (the
 * segment rules, each segment's rules and config key), for callers that
 * evaluate many repositories or one many times. `seeds: false` is for
 * evaluations judged at once and dropped (computeReport): they leave out
 * what only a later re-evaluation reads (ReleaseEvaluation.deploymentsBefore).
 */
export function createRepoEvaluator(config: Config, { seeds = true }: { seeds?: boolean } = {}): RepoEvaluator {
  const resolveSegment = createSegmentResolver(config);
  const settings = new Map<string, SegmentSettings>();
  const settingsOf = (segment: string): SegmentSettings => {
    let found = settings.get(segment);
    if (!found) {
      const rules = rulesForSegment({ config, segment });
      found = { rules, configKey: evaluationConfigKey({ config, rules }) };
      settings.set(segment, found);
    }
    return found;
  };
  return {
    settingsOf,
    segmentOf(repo, repoInfo) {
      const { topics, customProperties } = reduceRepoInfo(repoInfo);
      return resolveSegment({ repo, topics, customProperties });
    },
    evaluate({ repo, facts, now }) {
      const indexed = indexRepoFacts({ repo, facts, now });
      const segment = resolveSegment(indexed);
      const { rules, configKey } = settingsOf(segment);
      return {
        version: EVALUATION_VERSION,
        repo,
        now,
        segment,
        configKey,
        repoInfo: indexed.repoInfo,
        releases: evaluateReleases({ facts: indexed, config, rules, seeds }),
        alerts: alertsOf(indexed.alerts),
      };
    },
  };
}
