import type { Config, SegmentRules } from '../config/types.ts';
import { collectActivities } from './collect-activities.ts';
import { compareRollbacks, detectRollbacks } from './detect-rollbacks.ts';
import { findCoverage } from './find-coverage.ts';
import { findDeploymentsBefore } from './find-deployments-before.ts';
import { createReleaseLookup } from './release-lookup.ts';
import type { RepoFacts } from './repo-facts.ts';
import { scopeReleases } from './scope-releases.ts';
import type { ReleaseEvaluation, Rollback } from './types.ts';

const NO_SEEDS: readonly number[] = Object.freeze([]);

/**
 * What the indexed facts say about each in-scope release (oldest first),
 * whatever `now` a verdict is later judged at; with `from`, only about the
 * releases from that index on (the others are still scoped: attribution
 * needs every release). `seeds: false` leaves deploymentsBefore empty, for
 * an evaluation that is judged at once and never re-evaluated.
 */
export function evaluateReleases({
  facts,
  config,
  rules,
  from = 0,
  seeds = true,
}: {
  facts: RepoFacts;
  config: Pick<Config, 'includePrereleases' | 'rollback'>;
  rules: Pick<SegmentRules, 'rollbackWindow' | 'devops'>;
  from?: number;
  seeds?: boolean;
}): ReleaseEvaluation[] {
  const releases = scopeReleases({ facts, config, rules });
  const lookup = createReleaseLookup(releases);

  const rollbacksByTag = new Map<string, Rollback[]>();
  for (const rollback of detectRollbacks({ facts, releases, lookup, config })) {
    const release = lookup.byTag(rollback.tag)!;
    if (rollback.at < release.publishedAt || rollback.at >= release.windowEnd) continue;
    const list = rollbacksByTag.get(rollback.tag);
    if (list) list.push(rollback);
    else rollbacksByTag.set(rollback.tag, [rollback]);
  }
  const activitiesByTag = collectActivities({ facts, releases, lookup, rules });
  const deploymentsBefore =
    seeds && config.rollback.signals.includes('redeploy')
      ? findDeploymentsBefore({ deployments: facts.deployments.values(), releases })
      : null;

  const evaluated: ReleaseEvaluation[] = [];
  for (let i = from; i < releases.length; i++) {
    const release = releases[i]!;
    const { own, before } = findCoverage({ release, coverage: facts.coverage });
    evaluated.push({
      release,
      activities: activitiesByTag.get(release.tag) ?? [],
      rollbacks: (rollbacksByTag.get(release.tag) ?? []).sort(compareRollbacks),
      ownCoverage: own,
      coverageBefore: before,
      deploymentsBefore: deploymentsBefore?.[i] ?? (seeds ? [] : (NO_SEEDS as number[])),
    });
  }
  return evaluated;
}
