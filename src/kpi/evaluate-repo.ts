import type { Config, SegmentRules } from '../config/types.ts';
import type { Instant } from '../time/index.ts';
import { chooseCoverage } from './choose-coverage.ts';
import { collectActivities } from './collect-activities.ts';
import { compareRollbacks, detectRollbacks } from './detect-rollbacks.ts';
import { judgeRelease } from './judge-release.ts';
import { createReleaseLookup } from './release-lookup.ts';
import type { RepoFacts } from './repo-facts.ts';
import { scopeReleases } from './scope-releases.ts';
import { settleAlert } from './settle-alert.ts';
import type { PatchSettlement, ReleaseVerdict, Rollback } from './types.ts';

/** Every verdict and settlement of one repository at `now`. */
export function evaluateRepo({
  facts,
  segment,
  config,
  rules,
  now,
}: {
  facts: RepoFacts;
  segment: string;
  config: Pick<Config, 'includePrereleases' | 'rollback'>;
  rules: SegmentRules;
  now: Instant;
}): { verdicts: ReleaseVerdict[]; settlements: PatchSettlement[] } {
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

  const verdicts = releases.map((release): ReleaseVerdict => {
    const rollbacks = (rollbacksByTag.get(release.tag) ?? []).sort(compareRollbacks);
    const activities = activitiesByTag.get(release.tag) ?? [];
    const coverage = chooseCoverage({ release, coverage: facts.coverage, rules });
    const { status, reasons } = judgeRelease({ release, rollbacks, activities, coverage, rules, now });
    return { release, segment, status, reasons, coverage, activities, rollbacks };
  });

  const settlements = [...facts.alerts.values()].map((observations) =>
    settleAlert({ repo: facts.repo, segment, observations, rules, now }),
  );
  return { verdicts, settlements };
}
