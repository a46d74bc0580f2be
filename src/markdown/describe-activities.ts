import { DEVOPS_KINDS, type DevopsKind } from '../config/types.ts';
import type { ActivityReport } from '../report/types.ts';

const KIND_TEXT: Record<DevopsKind, [one: string, many: string]> = {
  'manual-workflow': ['manual workflow run', 'manual workflow runs'],
  rerun: ['re-run', 're-runs'],
  'manual-deployment': ['manual deployment', 'manual deployments'],
  'deployment-approval': ['deployment approval', 'deployment approvals'],
  hotfix: ['hotfix', 'hotfixes'],
};

/** DevOps activities by kind, in the config's kind order: `1 manual workflow run, 2 re-runs`; empty for none. */
export function describeActivities(activities: readonly ActivityReport[]): string {
  return DEVOPS_KINDS.flatMap((kind) => {
    const n = activities.filter((activity) => activity.kind === kind).length;
    if (n === 0) return [];
    const [one, many] = KIND_TEXT[kind];
    return [`${n} ${n === 1 ? one : many}`];
  }).join(', ');
}

/** One DevOps activity kind in words: `manual workflow run`, `re-run`. */
export function describeActivityKind(kind: DevopsKind): string {
  return KIND_TEXT[kind][0];
}
