import type { Fact, ReleaseShaOrigin, RepoInfoFact, RetractionFact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import { reduceRepoInfo } from './reduce-repo-info.ts';
import type { RepoFacts, RetractionState } from './repo-facts.ts';

/** Deployment states that end a deployment (docs/kpis.md, "Time spent"). */
const FINAL_STATES = new Set(['success', 'failure', 'error']);

const SHA_STRENGTH: Record<ReleaseShaOrigin, number> = { target: 0, push: 1, api: 2 };

/** One key's facts reduced: the earliest time counts, the newest content wins (docs/kpis.md, "Facts and where they come from"). */
interface Keyed<T> {
  first: Instant;
  last: Instant;
  fact: T;
}

/** The sha a tag has so far: from its strongest source; among one source's, the latest push, then the greatest sha. */
interface ShaChoice {
  strength: number;
  /** The push's `repository.pushed_at` (−∞ when unknown or not a push). */
  pushedAt: Instant;
  sha: string;
}

/**
 * Whether `a` beats `b` for one tag (docs/kpis.md, "A moved tag"): the
 * stronger source; for pushes, the latest `pushed_at`; then the greatest sha
 * (byte order: shas are lower-case hex). Content only, never arrival order.
 */
function beats(a: ShaChoice, b: ShaChoice): boolean {
  if (a.strength !== b.strength) return a.strength < b.strength;
  if (a.pushedAt !== b.pushedAt) return a.pushedAt > b.pushedAt;
  return a.sha > b.sha;
}

/** Per-repo working state while indexing; keys are local to the repo. */
interface Working {
  out: RepoFacts;
  sha: Map<string, ShaChoice>;
  /** (run id, attempt) → the attempt, reduced; see attemptKey. */
  runs: Map<number | string, Keyed<Fact & { type: 'workflow-run' }>>;
  approvals: Map<string, Keyed<Fact & { type: 'approval' }>>;
  labels: Map<string, Keyed<Fact & { type: 'label' }>>;
  pulls: Map<number, Keyed<Fact & { type: 'merged-pull' }>>;
  coverage: Map<number, Keyed<Fact & { type: 'coverage' }>>;
  recorded: Map<number, Keyed<Fact & { type: 'recorded-rollback' }>>;
  retractions: RetractionFact[];
  infos: RepoInfoFact[];
}

function working(repo: string): Working {
  return {
    out: {
      repo,
      releases: new Map(),
      shas: new Map(),
      retractions: [],
      deployments: new Map(),
      runs: [],
      approvals: [],
      labels: [],
      pulls: new Map(),
      coverage: [],
      recordedRollbacks: [],
      alerts: new Map(),
      topics: null,
      customProperties: {},
      repoInfo: [],
    },
    sha: new Map(),
    runs: new Map(),
    approvals: new Map(),
    labels: new Map(),
    pulls: new Map(),
    coverage: new Map(),
    recorded: new Map(),
    retractions: [],
    infos: [],
  };
}

/** A number for every real attempt (GitHub allows 50), a string beyond, so keys never collide. */
function attemptKey(runId: number, attempt: number): number | string {
  return attempt < 65_536 && runId < 2 ** 36 ? runId * 65_536 + attempt : `${runId}:${attempt}`;
}

/** Keeps one fact per key; ties on time are broken by origin, so arrival order never matters. */
function keep<K, T extends { origin: string }>(
  map: Map<K, Keyed<T>>,
  key: K,
  fact: T,
  at: Instant,
  contentAt = at,
): void {
  const seen = map.get(key);
  if (!seen) {
    map.set(key, { first: at, last: contentAt, fact });
    return;
  }
  if (at < seen.first) seen.first = at;
  if (contentAt > seen.last || (contentAt === seen.last && fact.origin > seen.fact.origin)) {
    seen.last = contentAt;
    seen.fact = fact;
  }
}

/**
 * Reduces one repository's facts to what is known at `now` (every fact given
 * is taken as this repo's). Facts whose own time is after `now` are left out;
 * facts without a time are always known. The result does not depend on the
 * order of `facts`, and a fact given twice changes nothing. The working state
 * lives only as long as the call, so a caller that evaluates one repo at a
 * time keeps one repo's index alive, not every repo's.
 */
export function indexRepoFacts({ repo, facts, now }: { repo: string; facts: Iterable<Fact>; now: Instant }): RepoFacts {
  const w = working(repo);
  const r = w.out;
  for (const fact of facts) {
    switch (fact.type) {
      case 'release': {
        if (fact.publishedAt > now) break;
        const seen = r.releases.get(fact.tag);
        const fullSince = fact.prerelease ? null : (fact.deliveredAt ?? fact.publishedAt);
        if (!seen) {
          r.releases.set(fact.tag, {
            tag: fact.tag,
            name: fact.name,
            publishedAt: fact.publishedAt,
            draft: fact.draft,
            prerelease: fact.prerelease,
            fullSince,
          });
        } else {
          if (fact.publishedAt < seen.publishedAt) seen.publishedAt = fact.publishedAt;
          seen.draft &&= fact.draft;
          seen.prerelease &&= fact.prerelease;
          if (fullSince !== null && (seen.fullSince === null || fullSince < seen.fullSince)) {
            seen.fullSince = fullSince;
          }
          if (fact.name !== null && (seen.name === null || fact.name > seen.name)) seen.name = fact.name;
        }
        break;
      }
      case 'release-sha': {
        const choice: ShaChoice = {
          strength: SHA_STRENGTH[fact.via],
          pushedAt: fact.pushedAt ?? Number.NEGATIVE_INFINITY,
          sha: fact.sha,
        };
        const seen = w.sha.get(fact.tag);
        if (!seen || beats(choice, seen)) {
          w.sha.set(fact.tag, choice);
          r.shas.set(fact.tag, fact.sha);
        }
        break;
      }
      case 'retraction':
        w.retractions.push(fact);
        break;
      case 'deployment-status': {
        if (fact.statusCreatedAt > now) break;
        let d = r.deployments.get(fact.deploymentId);
        if (!d) {
          d = {
            id: fact.deploymentId,
            environment: fact.environment,
            sha: fact.sha,
            ref: fact.ref,
            createdAt: fact.deploymentCreatedAt,
            creator: fact.creator,
            viaWorkflow: fact.viaWorkflow,
            succeededAt: null,
            finishedAt: null,
            infoOrigin: fact.origin,
          };
          r.deployments.set(fact.deploymentId, d);
        } else if (fact.origin < d.infoOrigin) {
          // One deployment's statuses repeat its fields; keep one delivery's view, whatever the order.
          d.environment = fact.environment;
          d.sha = fact.sha;
          d.ref = fact.ref;
          d.createdAt = fact.deploymentCreatedAt;
          d.creator = fact.creator;
          d.infoOrigin = fact.origin;
        }
        d.viaWorkflow ||= fact.viaWorkflow;
        if (fact.state === 'success' && (d.succeededAt === null || fact.statusCreatedAt < d.succeededAt)) {
          d.succeededAt = fact.statusCreatedAt;
        }
        if (FINAL_STATES.has(fact.state) && (d.finishedAt === null || fact.statusCreatedAt < d.finishedAt)) {
          d.finishedAt = fact.statusCreatedAt;
        }
        break;
      }
      case 'workflow-run': {
        if (fact.startedAt > now) break;
        keep(w.runs, attemptKey(fact.runId, fact.attempt), fact, fact.startedAt, fact.updatedAt);
        break;
      }
      case 'approval':
        if (fact.at <= now) keep(w.approvals, `${fact.runId}\0${fact.attempt}\0${fact.approver}`, fact, fact.at);
        break;
      case 'label':
        if (fact.at <= now) keep(w.labels, `${fact.number}\0${fact.label}`, fact, fact.at);
        break;
      case 'merged-pull':
        if (fact.mergedAt <= now) keep(w.pulls, fact.number, fact, fact.mergedAt);
        break;
      case 'coverage':
        if (fact.at <= now) keep(w.coverage, fact.checkRunId, fact, fact.at);
        break;
      case 'recorded-rollback':
        if (fact.at <= now) keep(w.recorded, fact.checkRunId, fact, fact.at);
        break;
      case 'alert': {
        // Settlement takes minima and the newest update: a repeated observation changes nothing.
        if (fact.updatedAt > now) break;
        const list = r.alerts.get(fact.number);
        if (list) list.push(fact);
        else r.alerts.set(fact.number, [fact]);
        break;
      }
      case 'repo-info':
        w.infos.push(fact);
        break;
    }
  }
  finish(w, now);
  return r;
}

function finish(w: Working, now: Instant): void {
  const r = w.out;
  for (const { first, fact } of w.runs.values())
    r.runs.push(first === fact.startedAt ? fact : { ...fact, startedAt: first });
  for (const { first, fact } of w.approvals.values())
    r.approvals.push(first === fact.at ? fact : { ...fact, at: first });
  for (const { first, fact } of w.labels.values()) r.labels.push(first === fact.at ? fact : { ...fact, at: first });
  for (const { first, fact } of w.pulls.values()) {
    r.pulls.set(fact.number, first === fact.mergedAt ? fact : { ...fact, mergedAt: first });
  }
  for (const { first, fact } of w.coverage.values()) r.coverage.push(first === fact.at ? fact : { ...fact, at: first });
  for (const { first, fact } of w.recorded.values()) {
    r.recordedRollbacks.push(first === fact.at ? fact : { ...fact, at: first });
  }

  // A retraction without a delivery time happens at the release's publishedAt. One retraction
  // (tag, action, time) said by several deliveries is one, kept with the least of their origins.
  const seen = new Map<string, RetractionState>();
  for (const fact of w.retractions) {
    const at = fact.at ?? r.releases.get(fact.tag)?.publishedAt ?? null;
    if (at === null || at > now) continue;
    const key = `${fact.tag}\0${fact.action}\0${at}`;
    const same = seen.get(key);
    if (same) {
      if (fact.origin < same.origin) same.origin = fact.origin;
      continue;
    }
    const retraction = { tag: fact.tag, action: fact.action, at, origin: fact.origin };
    seen.set(key, retraction);
    r.retractions.push(retraction);
  }

  const info = reduceRepoInfo(w.infos);
  r.topics = info.topics;
  r.customProperties = info.customProperties;
  r.repoInfo = info.deciding;
}
