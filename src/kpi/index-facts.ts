import type { Fact, ReleaseShaOrigin, RepoInfoFact, RetractionFact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import type { RepoFacts } from './repo-facts.ts';

const SHA_STRENGTH: Record<ReleaseShaOrigin, number> = { target: 0, push: 1, api: 2 };

function emptyRepo(repo: string): RepoFacts {
  return {
    repo,
    releases: new Map(),
    shas: new Map(),
    retractions: [],
    deployments: new Map(),
    runs: new Map(),
    approvals: [],
    labels: [],
    pulls: new Map(),
    coverage: [],
    recordedRollbacks: [],
    alerts: new Map(),
    topics: null,
    customProperties: {},
  };
}

/** a precedes b: earlier instant, ties broken by origin, so any arrival order gives one answer. */
function before(a: { at: Instant; origin: string }, b: { at: Instant; origin: string }): boolean {
  return a.at < b.at || (a.at === b.at && a.origin < b.origin);
}

/** Keeps one fact per key: the earliest time counts, the newest content wins (kpis.md §1). */
function keepKeyed<T extends { origin: string }>(
  map: Map<string, { first: Instant; last: Instant; fact: T }>,
  key: string,
  fact: T,
  at: Instant,
  contentAt: Instant = at,
): void {
  const seen = map.get(key);
  if (!seen) {
    map.set(key, { first: at, last: contentAt, fact });
    return;
  }
  seen.first = Math.min(seen.first, at);
  if (before({ at: seen.last, origin: seen.fact.origin }, { at: contentAt, origin: fact.origin })) {
    seen.last = contentAt;
    seen.fact = fact;
  }
}

/**
 * Reduces facts to what is known at `now`, per repository. Facts whose own
 * time is after `now` are left out; facts without a time are always known.
 * The result does not depend on the order of `facts`, and a fact given twice
 * changes nothing.
 */
export function indexFacts({ facts, now }: { facts: Iterable<Fact>; now: Instant }): Map<string, RepoFacts> {
  const repos = new Map<string, RepoFacts>();
  const repoOf = (name: string): RepoFacts => {
    let r = repos.get(name);
    if (!r) {
      r = emptyRepo(name);
      repos.set(name, r);
    }
    return r;
  };
  const shaSeen = new Map<string, { strength: number; origin: string; sha: string }>();
  const retractions: RetractionFact[] = [];
  const infos: RepoInfoFact[] = [];
  const runs = new Map<string, { first: Instant; last: Instant; fact: Fact & { type: 'workflow-run' } }>();
  const approvals = new Map<string, { first: Instant; last: Instant; fact: Fact & { type: 'approval' } }>();
  const labels = new Map<string, { first: Instant; last: Instant; fact: Fact & { type: 'label' } }>();
  const pulls = new Map<string, { first: Instant; last: Instant; fact: Fact & { type: 'merged-pull' } }>();
  const coverage = new Map<string, { first: Instant; last: Instant; fact: Fact & { type: 'coverage' } }>();
  const recorded = new Map<string, { first: Instant; last: Instant; fact: Fact & { type: 'recorded-rollback' } }>();
  const alertSeen = new Set<string>();

  for (const fact of facts) {
    const r = repoOf(fact.repo);
    switch (fact.type) {
      case 'release': {
        if (fact.publishedAt > now) break;
        const seen = r.releases.get(fact.tag);
        if (!seen) {
          r.releases.set(fact.tag, {
            tag: fact.tag,
            name: fact.name,
            publishedAt: fact.publishedAt,
            draft: fact.draft,
            prerelease: fact.prerelease,
          });
        } else {
          seen.publishedAt = Math.min(seen.publishedAt, fact.publishedAt);
          seen.draft &&= fact.draft;
          seen.prerelease &&= fact.prerelease;
          if (fact.name !== null && (seen.name === null || fact.name > seen.name)) seen.name = fact.name;
        }
        break;
      }
      case 'release-sha': {
        const key = `${fact.repo}\0${fact.tag}`;
        const strength = SHA_STRENGTH[fact.via];
        const seen = shaSeen.get(key);
        if (!seen || strength < seen.strength || (strength === seen.strength && fact.origin > seen.origin)) {
          shaSeen.set(key, { strength, origin: fact.origin, sha: fact.sha });
          r.shas.set(fact.tag, fact.sha);
        }
        break;
      }
      case 'retraction':
        retractions.push(fact);
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
          };
          r.deployments.set(fact.deploymentId, d);
        }
        d.viaWorkflow ||= fact.viaWorkflow;
        if (fact.state === 'success' && (d.succeededAt === null || fact.statusCreatedAt < d.succeededAt)) {
          d.succeededAt = fact.statusCreatedAt;
        }
        break;
      }
      case 'workflow-run':
        if (fact.startedAt > now) break;
        keepKeyed(runs, `${fact.repo}\0${fact.runId}\0${fact.attempt}`, fact, fact.startedAt, fact.updatedAt);
        break;
      case 'approval':
        if (fact.at > now) break;
        keepKeyed(approvals, `${fact.repo}\0${fact.runId}\0${fact.attempt}\0${fact.approver}`, fact, fact.at);
        break;
      case 'label':
        if (fact.at > now) break;
        keepKeyed(labels, `${fact.repo}\0${fact.number}\0${fact.label}`, fact, fact.at);
        break;
      case 'merged-pull':
        if (fact.mergedAt > now) break;
        keepKeyed(pulls, `${fact.repo}\0${fact.number}`, fact, fact.mergedAt);
        break;
      case 'coverage':
        if (fact.at > now) break;
        keepKeyed(coverage, `${fact.repo}\0${fact.checkRunId}`, fact, fact.at);
        break;
      case 'recorded-rollback':
        if (fact.at > now) break;
        keepKeyed(recorded, `${fact.repo}\0${fact.checkRunId}`, fact, fact.at);
        break;
      case 'alert': {
        if (fact.updatedAt > now) break;
        const key = `${fact.origin}\0${fact.number}\0${fact.updatedAt}\0${fact.state}`;
        if (alertSeen.has(`${fact.repo}\0${key}`)) break;
        alertSeen.add(`${fact.repo}\0${key}`);
        const list = r.alerts.get(fact.number);
        if (list) list.push(fact);
        else r.alerts.set(fact.number, [fact]);
        break;
      }
      case 'repo-info':
        infos.push(fact);
        break;
    }
  }

  for (const { first, fact } of runs.values()) {
    const r = repoOf(fact.repo);
    let attempts = r.runs.get(fact.runId);
    if (!attempts) {
      attempts = new Map();
      r.runs.set(fact.runId, attempts);
    }
    attempts.set(fact.attempt, { ...fact, startedAt: first });
  }
  for (const { first, fact } of approvals.values()) repoOf(fact.repo).approvals.push({ ...fact, at: first });
  for (const { first, fact } of labels.values()) repoOf(fact.repo).labels.push({ ...fact, at: first });
  for (const { first, fact } of pulls.values()) repoOf(fact.repo).pulls.set(fact.number, { ...fact, mergedAt: first });
  for (const { first, fact } of coverage.values()) repoOf(fact.repo).coverage.push({ ...fact, at: first });
  for (const { first, fact } of recorded.values()) repoOf(fact.repo).recordedRollbacks.push({ ...fact, at: first });

  // A retraction without a delivery time happens at the release's publishedAt.
  const retractionSeen = new Set<string>();
  for (const fact of retractions) {
    const r = repoOf(fact.repo);
    const at = fact.at ?? r.releases.get(fact.tag)?.publishedAt ?? null;
    if (at === null || at > now) continue;
    const key = `${fact.repo}\0${fact.tag}\0${fact.action}\0${at}\0${fact.origin}`;
    if (retractionSeen.has(key)) continue;
    retractionSeen.add(key);
    r.retractions.push({ tag: fact.tag, action: fact.action, at, origin: fact.origin });
  }

  mergeRepoInfo({ infos, repoOf });
  return repos;
}

/** Topics and custom properties: the newest observation that says something wins, per property. */
function mergeRepoInfo({ infos, repoOf }: { infos: RepoInfoFact[]; repoOf: (name: string) => RepoFacts }): void {
  const ordered = [...infos].sort(
    (a, b) =>
      (a.observedAt ?? -Infinity) - (b.observedAt ?? -Infinity) ||
      (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0),
  );
  for (const info of ordered) {
    const r = repoOf(info.repo);
    if (info.topics && info.topics.length > 0) r.topics = info.topics;
    if (info.customProperties) {
      for (const [key, value] of Object.entries(info.customProperties)) {
        const empty = Array.isArray(value) ? value.length === 0 : value === '';
        if (!empty) r.customProperties[key] = value;
      }
    }
  }
}
