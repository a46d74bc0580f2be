import type { ReleaseReport } from '../report/types.ts';
import { formatInstant } from '../time/index.ts';
import { roundPercent } from './statistics.ts';
import type { ReleaseVerdict } from './types.ts';

/** One release of the JSON report (docs/report.md): the verdict with its times in ISO form. */
export function buildReleaseReport(v: ReleaseVerdict): ReleaseReport {
  const first = v.rollbacks[0];
  const rollbacks = v.rollbacks.map((r) => ({
    at: formatInstant(r.at),
    signal: r.signal,
    reason: r.reason,
    durationMinutes: r.durationMinutes,
    evidence: r.evidence,
  }));
  return {
    repo: v.release.repo,
    tag: v.release.tag,
    sha: v.release.sha,
    segment: v.segment,
    publishedAt: formatInstant(v.release.publishedAt),
    status: v.status,
    reasons: v.reasons,
    coverage: v.coverage ? roundPercent((v.coverage.covered / v.coverage.total) * 100) : null,
    devopsActivities: v.activities.length,
    rollback: first ? rollbacks[0]! : null,
    windowEnd: formatInstant(v.release.windowEnd),
    coverageReport: v.coverage
      ? {
          covered: v.coverage.covered,
          total: v.coverage.total,
          sha: v.coverage.sha,
          at: formatInstant(v.coverage.at),
          fallback: v.coverage.fallback,
          checkRunId: v.coverage.checkRunId,
        }
      : null,
    activities: v.activities.map((a) => ({
      kind: a.kind,
      at: formatInstant(a.at),
      minutes: a.minutes,
      evidence: a.evidence,
    })),
    rollbacks,
    prerelease: v.release.prerelease,
  };
}
