import { canonicalJson } from './canonical-json.ts';
import type { RepoEvaluation } from './types.ts';

/** What changed between two evaluations of one repository (see Reevaluation). */
export interface EvaluationChanges {
  changedReleases: string[];
  removedReleases: string[];
  changedAlerts: number[];
  removedAlerts: number[];
}

/** Which rows of `next` are new or differ from `previous`, and which of `previous` are gone. */
export function diffEvaluations(previous: RepoEvaluation | null, next: RepoEvaluation): EvaluationChanges {
  const releasesBefore = new Map((previous?.releases ?? []).map((r) => [r.release.tag, r]));
  const alertsBefore = new Map((previous?.alerts ?? []).map((a) => [a.number, a]));
  const releaseTags = new Set(next.releases.map((r) => r.release.tag));
  const alertNumbers = new Set(next.alerts.map((a) => a.number));
  // A new segment is in every verdict and settlement.
  const everyVerdict = previous?.segment !== next.segment;
  const differs = <T>(before: T | undefined, after: T): boolean =>
    before !== after && (before === undefined || canonicalJson(before) !== canonicalJson(after));
  return {
    changedReleases: next.releases
      .filter((r) => everyVerdict || differs(releasesBefore.get(r.release.tag), r))
      .map((r) => r.release.tag),
    removedReleases: [...releasesBefore.keys()].filter((tag) => !releaseTags.has(tag)),
    changedAlerts: next.alerts
      .filter((a) => everyVerdict || differs(alertsBefore.get(a.number), a))
      .map((a) => a.number),
    removedAlerts: [...alertsBefore.keys()].filter((n) => !alertNumbers.has(n)),
  };
}
