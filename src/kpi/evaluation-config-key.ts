import type { Config, SegmentRules } from '../config/types.ts';
import { canonicalJson } from './canonical-json.ts';

/**
 * What of the config a repository's evaluation depends on, given the rules
 * of its segment: the scope of releases, the rollback signals, the window,
 * and the DevOps activities counted. Two configs with one key give one
 * evaluation (the others — thresholds, coverage fallback, SLAs, targets,
 * periods — only decide verdicts, at judging time).
 */
export function evaluationConfigKey({
  config,
  rules,
}: {
  config: Pick<Config, 'includePrereleases' | 'rollback'>;
  rules: Pick<SegmentRules, 'rollbackWindow' | 'devops'>;
}): string {
  return canonicalJson({
    includePrereleases: config.includePrereleases,
    rollback: {
      signals: config.rollback.signals,
      workflows: config.rollback.workflows.map((p) => p.source),
      labels: config.rollback.labels,
    },
    rollbackWindow: rules.rollbackWindow,
    devops: { kinds: rules.devops.kinds, hotfixPattern: rules.devops.hotfixPattern.source },
  });
}
