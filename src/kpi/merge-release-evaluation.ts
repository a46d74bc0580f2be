import type { Instant } from '../time/index.ts';
import type { ReleaseEvaluation } from './types.ts';

/**
 * A release re-evaluated from its previous evaluation and a re-evaluation of
 * the facts read: what happened at stable times is as before, the rest as
 * read; coverage of its commit as read (every fact naming it was read); where
 * the chain and the fallback stand at its publication as before when that
 * time is stable.
 */
export function mergeReleaseEvaluation({
  before,
  read,
  stable,
}: {
  before: ReleaseEvaluation | undefined;
  read: ReleaseEvaluation;
  stable: (at: Instant) => boolean;
}): ReleaseEvaluation {
  const keepsStart = stable(read.release.publishedAt);
  if (keepsStart && !before) throw new Error(`re-evaluation lost release ${read.release.tag}: evaluate the repo again`);
  return {
    release: read.release,
    activities: [
      ...(before?.activities.filter((a) => stable(a.at)) ?? []),
      ...read.activities.filter((a) => !stable(a.at)),
    ],
    rollbacks: [
      ...(before?.rollbacks.filter((r) => stable(r.at)) ?? []),
      ...read.rollbacks.filter((r) => !stable(r.at)),
    ],
    ownCoverage: read.ownCoverage,
    coverageBefore: keepsStart ? before!.coverageBefore : read.coverageBefore,
    deploymentsBefore: keepsStart ? before!.deploymentsBefore : read.deploymentsBefore,
  };
}
