import { matchesPattern } from '../config/index.ts';
import type { SegmentRules } from '../config/types.ts';
import { type Instant, MINUTE } from '../time/index.ts';
import { canonicalJson } from './canonical-json.ts';
import type { ReleaseLookup } from './release-lookup.ts';
import type { RepoFacts } from './repo-facts.ts';
import type { DevopsActivity, ScopedRelease } from './types.ts';

/** By time, then kind; then commit and ref, so one list whatever order the facts came in. */
function compareActivities(a: DevopsActivity, b: DevopsActivity): number {
  return (
    a.at - b.at ||
    compareText(a.kind, b.kind) ||
    compareText(a.sha, b.sha) ||
    compareText(a.ref, b.ref) ||
    (a.minutes ?? -1) - (b.minutes ?? -1) ||
    compareText(canonicalJson(a.evidence), canonicalJson(b.evidence))
  );
}

/** The minutes from `from` to `to` (docs/kpis.md, "Time spent"); null when either is unknown or `to` is earlier. */
function minutesBetween(from: Instant | null | undefined, to: Instant | null): number | null {
  if (from === null || from === undefined || to === null || to < from) return null;
  return (to - from) / MINUTE;
}

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * The repo's DevOps activities (docs/kpis.md, "DevOps activities"), each attributed to the release
 * it belongs to, keyed by tag. Activities after the newest release wait for
 * the next one (not returned); the window cut-off is applied here too.
 */
export function collectActivities({
  facts,
  releases,
  lookup,
  rules,
}: {
  facts: RepoFacts;
  releases: readonly ScopedRelease[];
  lookup: ReleaseLookup;
  rules: Pick<SegmentRules, 'devops'>;
}): Map<string, DevopsActivity[]> {
  const kinds = new Set(rules.devops.kinds);
  const byRelease = new Map<string, DevopsActivity[]>();
  const attribute = (activity: DevopsActivity, release: ScopedRelease | undefined): void => {
    if (!release || activity.at >= release.windowEnd) return;
    const list = byRelease.get(release.tag);
    if (list) list.push(activity);
    else byRelease.set(release.tag, [activity]);
  };
  const attributeByCommit = (activity: DevopsActivity): void =>
    attribute(
      activity,
      lookup.named({ sha: activity.sha, ref: activity.ref, at: activity.at }) ?? lookup.firstAtOrAfter(activity.at),
    );

  // A dispatched run counts once, at its earliest attempt (the lower attempt at one instant); every re-run attempt counts.
  // Each takes its attempt's duration: the attempt's last update − its start.
  const dispatched = new Map<
    number,
    { at: number; attempt: number; sha: string; ref: string | null; minutes: number | null }
  >();
  for (const run of facts.runs) {
    if (run.event === 'workflow_dispatch') {
      const earliest = dispatched.get(run.runId);
      if (
        !earliest ||
        run.startedAt < earliest.at ||
        (run.startedAt === earliest.at && run.attempt < earliest.attempt)
      ) {
        dispatched.set(run.runId, {
          at: run.startedAt,
          attempt: run.attempt,
          sha: run.headSha,
          ref: run.headBranch,
          minutes: minutesBetween(run.startedAt, run.updatedAt),
        });
      }
    }
    if (kinds.has('rerun') && run.attempt > 1) {
      attributeByCommit({
        kind: 'rerun',
        at: run.startedAt,
        sha: run.headSha,
        ref: run.headBranch,
        minutes: minutesBetween(run.startedAt, run.updatedAt),
        evidence: { kind: 'workflow-run', runId: run.runId, attempt: run.attempt },
      });
    }
  }
  if (kinds.has('manual-workflow')) {
    for (const [runId, { at, attempt, sha, ref, minutes }] of dispatched) {
      attributeByCommit({
        kind: 'manual-workflow',
        at,
        sha,
        ref,
        minutes,
        evidence: { kind: 'workflow-run', runId, attempt },
      });
    }
  }

  if (kinds.has('manual-deployment')) {
    for (const d of facts.deployments.values()) {
      if (d.viaWorkflow || d.creator?.isBot) continue;
      attributeByCommit({
        kind: 'manual-deployment',
        at: d.createdAt,
        sha: d.sha,
        ref: d.ref,
        minutes: minutesBetween(d.createdAt, d.finishedAt),
        evidence: { kind: 'deployment', deploymentId: d.id, environment: d.environment },
      });
    }
  }

  if (kinds.has('deployment-approval')) {
    for (const approval of facts.approvals) {
      if (approval.byBot) continue;
      attributeByCommit({
        kind: 'deployment-approval',
        at: approval.at,
        sha: approval.sha,
        ref: approval.ref,
        minutes: minutesBetween(approval.waitingSince, approval.at),
        evidence: { kind: 'workflow-run', runId: approval.runId, attempt: approval.attempt },
      });
    }
  }

  if (kinds.has('hotfix')) {
    const pattern = rules.devops.hotfixPattern;
    releases.forEach((release, i) => {
      const isHotfix =
        matchesPattern(pattern, release.tag) || (release.name !== null && matchesPattern(pattern, release.name));
      if (isHotfix && i > 0) {
        attribute(
          {
            kind: 'hotfix',
            at: release.publishedAt,
            sha: release.sha,
            ref: release.tag,
            minutes: null,
            evidence: { kind: 'release', tag: release.tag },
          },
          releases[i - 1],
        );
      }
    });
  }

  for (const list of byRelease.values()) list.sort(compareActivities);
  return byRelease;
}
