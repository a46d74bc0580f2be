import type { Fact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import { tagOfRef } from './tag-of-ref.ts';

/** What a store indexes of a fact so that a re-evaluation can ask for only what can change a verdict. */
export interface FactIndexFields {
  /**
   * The engine's reduction unit: every fact the engine combines to derive one
   * thing shares it (`release:<tag>`, `deployment:<id>`, `workflow-run:<run
   * id>`, `approval:<run id>:<attempt>:<approver>`, `label:<number>:<label>`,
   * `merged-pull:<number>`, `coverage:<check run id>`,
   * `recorded-rollback:<check run id>`, `alert:<number>`,
   * `repo-info:<observedAt or ->`). A re-evaluation always reads whole groups.
   */
  group: string;
  /** The earliest time at which the fact can bear on a release verdict; null when it bears on none by time. */
  at: Instant | null;
  /** The latest such time (`at` but for a deployment status, whose deployment is created before it). */
  lastAt: Instant | null;
  /** Its own time (docs/kpis.md, "Periods and time"): it is known at `now` when knownAt <= now; null when always known. */
  knownAt: Instant | null;
  /** The commit it names, to find what names a release's commit. */
  sha: string | null;
  /** The tag it names (a ref's `refs/tags/` dropped, a recorded rollback's `Release:`), to find what names a release's tag. */
  ref: string | null;
}

/**
 * The index fields of one fact (docs/kpis.md, "Re-evaluating only what can
 * change"). Release, release-sha and retraction facts (group `release:<tag>`)
 * are read whole by every re-evaluation, so they need no time or commit;
 * alerts bear on no release; repo-info facts have no time.
 */
export function factIndexFields(fact: Fact): FactIndexFields {
  const none = { at: null, lastAt: null, knownAt: null, sha: null, ref: null };
  /** A fact of one time, naming a commit or a ref or neither. */
  const timed = (
    group: string,
    at: Instant,
    sha: string | null = null,
    ref: string | null = null,
  ): FactIndexFields => ({
    group,
    at,
    lastAt: at,
    knownAt: at,
    sha,
    ref: ref === null ? null : tagOfRef(ref),
  });
  switch (fact.type) {
    case 'release':
      return { ...none, group: `release:${fact.tag}`, knownAt: fact.publishedAt };
    case 'release-sha':
      return { ...none, group: `release:${fact.tag}` };
    case 'retraction':
      return { ...none, group: `release:${fact.tag}`, knownAt: fact.at };
    case 'deployment-status':
      return {
        group: `deployment:${fact.deploymentId}`,
        at: Math.min(fact.statusCreatedAt, fact.deploymentCreatedAt),
        lastAt: Math.max(fact.statusCreatedAt, fact.deploymentCreatedAt),
        knownAt: fact.statusCreatedAt,
        sha: fact.sha,
        ref: tagOfRef(fact.ref),
      };
    case 'workflow-run':
      return timed(`workflow-run:${fact.runId}`, fact.startedAt, fact.headSha, fact.headBranch);
    case 'approval':
      return timed(`approval:${fact.runId}:${fact.attempt}:${fact.approver}`, fact.at, fact.sha, fact.ref);
    case 'label':
      return timed(`label:${fact.number}:${fact.label}`, fact.at);
    case 'merged-pull':
      return timed(`merged-pull:${fact.number}`, fact.mergedAt);
    case 'coverage':
      return timed(`coverage:${fact.checkRunId}`, fact.at, fact.sha);
    case 'recorded-rollback':
      // The tag its `Release:` line names, as written (the engine looks it up as a tag, not a ref).
      return { ...timed(`recorded-rollback:${fact.checkRunId}`, fact.at, fact.sha), ref: fact.tag };
    case 'alert':
      return { ...none, group: `alert:${fact.number}`, knownAt: fact.updatedAt };
    case 'repo-info':
      return { ...none, group: `repo-info:${fact.observedAt ?? '-'}` };
  }
}
