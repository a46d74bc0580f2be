import { matchesPattern } from '../config/index.ts';
import type { Config, RollbackSignal } from '../config/types.ts';
import { MINUTE } from '../time/index.ts';
import { namesTag } from './names-tag.ts';
import type { ReleaseLookup } from './release-lookup.ts';
import type { RepoFacts } from './repo-facts.ts';
import type { Rollback, ScopedRelease } from './types.ts';

const SIGNAL_ORDER: Record<RollbackSignal, number> = {
  redeploy: 0,
  retracted: 1,
  workflow: 2,
  label: 3,
  'revert-pr': 4,
  recorded: 5,
};

export const REVERT_BRANCH = /^revert-(\d+)-/;

/** First in time; at one instant by signal (docs/kpis.md, "Rollbacks"), then by source. */
export function compareRollbacks(a: Rollback, b: Rollback): number {
  return (
    a.at - b.at ||
    SIGNAL_ORDER[a.signal] - SIGNAL_ORDER[b.signal] ||
    (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)
  );
}

/**
 * Every rollback signal of docs/kpis.md, "Rollbacks" in one repo, as (release tag, time,
 * signal, reason). Which of them fall in a release's window is for the caller.
 */
export function detectRollbacks({
  facts,
  releases,
  lookup,
  config,
}: {
  facts: RepoFacts;
  releases: readonly ScopedRelease[];
  lookup: ReleaseLookup;
  config: Pick<Config, 'rollback'>;
}): Rollback[] {
  const on = new Set(config.rollback.signals);
  const found: Rollback[] = [];

  if (on.has('redeploy')) {
    const byEnvironment = new Map<string, { at: number; createdAt: number; id: number; sha: string; ref: string }[]>();
    for (const d of facts.deployments.values()) {
      if (d.succeededAt === null) continue;
      const list = byEnvironment.get(d.environment) ?? [];
      list.push({ at: d.succeededAt, createdAt: d.createdAt, id: d.id, sha: d.sha, ref: d.ref });
      byEnvironment.set(d.environment, list);
    }
    for (const [environment, deployments] of byEnvironment) {
      deployments.sort((a, b) => a.at - b.at || a.createdAt - b.createdAt || a.id - b.id);
      let previous: ScopedRelease | undefined;
      for (const d of deployments) {
        const of = lookup.named({ sha: d.sha, ref: d.ref, at: d.at });
        if (previous && of && of.publishedAt < previous.publishedAt) {
          found.push({
            tag: previous.tag,
            at: d.at,
            signal: 'redeploy',
            reason: null,
            durationMinutes: (d.at - d.createdAt) / MINUTE,
            order: `${environment}\0${d.id}`,
            evidence: { kind: 'deployment', deploymentId: d.id, environment },
          });
        }
        previous = of;
      }
    }
  }

  if (on.has('retracted')) {
    for (const r of facts.retractions) {
      const release = lookup.byTag(r.tag);
      if (!release) continue;
      // Marking a release prerelease retracts it only after a non-pre version was published: the
      // `prereleased` of a prerelease that is later promoted comes before (docs/kpis.md, "Rollbacks").
      if (r.action === 'prereleased' && !(r.at > (facts.releases.get(r.tag)?.fullSince ?? Number.POSITIVE_INFINITY))) {
        continue;
      }
      found.push({
        tag: r.tag,
        at: r.at,
        signal: 'retracted',
        reason: null,
        durationMinutes: null,
        order: r.origin,
        evidence: { kind: 'release', tag: r.tag },
      });
    }
  }

  if (on.has('workflow') && config.rollback.workflows.length > 0) {
    for (const run of facts.runs) {
      if (run.conclusion !== 'success') continue;
      if (!config.rollback.workflows.some((p) => matchesPattern(p, run.name))) continue;
      const target =
        lookup.named({ sha: run.headSha, ref: null, at: run.startedAt }) ?? lookup.latestBefore(run.startedAt);
      if (!target) continue;
      found.push({
        tag: target.tag,
        at: run.startedAt,
        signal: 'workflow',
        reason: run.displayTitle || null,
        durationMinutes: (run.updatedAt - run.startedAt) / MINUTE,
        order: `${run.runId}\0${run.attempt}`,
        evidence: { kind: 'workflow-run', runId: run.runId, attempt: run.attempt },
      });
    }
  }

  if (on.has('label') && facts.labels.length > 0) {
    const wanted = new Set(config.rollback.labels.map((l) => l.toLowerCase()));
    const names = (text: string | null, tag: string): boolean => text !== null && namesTag(text, tag);
    for (const label of facts.labels) {
      if (!wanted.has(label.label.toLowerCase())) continue;
      for (const { tag } of releases) {
        if (!names(label.title, tag) && !names(label.body, tag)) continue;
        found.push({
          tag,
          at: label.at,
          signal: 'label',
          reason: label.title,
          durationMinutes: null,
          order: `${label.number}\0${label.label}`,
          evidence: { kind: 'issue', number: label.number },
        });
      }
    }
  }

  if (on.has('revert-pr')) {
    for (const pull of facts.pulls.values()) {
      const match = REVERT_BRANCH.exec(pull.headRef);
      if (!match) continue;
      const reverted = facts.pulls.get(Number(match[1]));
      if (!reverted) continue;
      const target = lookup.firstAtOrAfter(reverted.mergedAt);
      if (!target) continue;
      found.push({
        tag: target.tag,
        at: pull.mergedAt,
        signal: 'revert-pr',
        reason: pull.title,
        durationMinutes: null,
        order: String(pull.number).padStart(12, '0'),
        evidence: { kind: 'pull-request', number: pull.number },
      });
    }
  }

  if (on.has('recorded')) {
    for (const check of facts.recordedRollbacks) {
      const target =
        (check.tag !== null ? lookup.byTag(check.tag) : undefined) ??
        lookup.named({ sha: check.sha, ref: null, at: check.at });
      if (!target) continue;
      found.push({
        tag: target.tag,
        at: check.at,
        signal: 'recorded',
        reason: check.reason,
        durationMinutes: null,
        order: String(check.checkRunId).padStart(15, '0'),
        evidence: { kind: 'check-run', checkRunId: check.checkRunId },
      });
    }
  }

  return found;
}
