import type { Fact } from '../events/types.ts';

/**
 * The natural key of a fact within its repository (docs/kpis.md, "Facts and where they come from", column "key"),
 * e.g. `release:v1.2.0` or `workflow-run:42:2`. Facts are stored once per
 * (repo, key, origin): storing the same delivery or backfill again replaces
 * its row, and the engine reduces observations of one key from different
 * origins by its rules (earliest time, newest alert update).
 */
export function factKey(fact: Fact): string {
  switch (fact.type) {
    case 'release':
    case 'release-sha':
    case 'retraction':
      return `${fact.type}:${fact.tag}${fact.type === 'retraction' ? `:${fact.action}` : ''}`;
    case 'deployment-status':
      return `deployment:${fact.deploymentId}:${fact.state}:${fact.statusCreatedAt}`;
    case 'workflow-run':
      return `workflow-run:${fact.runId}:${fact.attempt}`;
    case 'approval':
      return `approval:${fact.runId}:${fact.attempt}:${fact.approver}`;
    case 'label':
      return `label:${fact.number}:${fact.label}`;
    case 'merged-pull':
      return `merged-pull:${fact.number}`;
    case 'coverage':
    case 'recorded-rollback':
      return `${fact.type}:${fact.checkRunId}`;
    case 'alert':
      return `alert:${fact.number}:${fact.updatedAt}`;
    case 'repo-info':
      return 'repo-info';
  }
}
