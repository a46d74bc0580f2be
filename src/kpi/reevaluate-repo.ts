import type { Config } from '../config/types.ts';
import type { Fact, RepoInfoFact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import { boundChanges } from './bound-changes.ts';
import { createRepoEvaluator, EVALUATION_VERSION } from './create-repo-evaluator.ts';
import { REVERT_BRANCH } from './detect-rollbacks.ts';
import { diffEvaluations, type EvaluationChanges } from './diff-evaluations.ts';
import { evaluateReleases } from './evaluate-releases.ts';
import type { FactSource } from './fact-source.ts';
import { indexRepoFacts } from './index-repo-facts.ts';
import { mergeReleaseEvaluation } from './merge-release-evaluation.ts';
import { reduceAlert } from './reduce-alert.ts';
import { reduceRepoInfo } from './reduce-repo-info.ts';
import { scopeReleases } from './scope-releases.ts';
import type { AlertEvaluation, ReleaseEvaluation, RepoEvaluation } from './types.ts';

/**
 * What reevaluateRepo did. `changedReleases` (tags, oldest first) are the
 * releases whose evaluation is new or differs — every release when the
 * repo's segment changed: only their verdicts can differ from the previous
 * evaluation's judged at the same `now`. `removedReleases` left the scope.
 * `changedAlerts` likewise; `removedAlerts` are no longer known (only when
 * `now` went back, which reads everything).
 */
export interface Reevaluation extends EvaluationChanges {
  /** The repository evaluated at `now`, equal to evaluating every fact known then. */
  evaluation: RepoEvaluation;
  /**
   * What was read: every fact; or the release facts, the changed groups and
   * the groups with a fact from `since` (the cut: everything earlier is as
   * before) on, the deployments and coverage reports from `chainsSince` (the
   * publication of the latest release before the cut) on, with the few groups
   * that say where the redeploy chain and the coverage fallback stood then,
   * and those naming the commits of the releases re-evaluated.
   */
  read: { scope: 'all' } | { scope: 'changes' } | { scope: 'since'; since: Instant; chainsSince: Instant };
}

type Changes = { groups: string[] } | 'all';

const TIMED_GROUPS = new Set([
  'deployment',
  'workflow-run',
  'approval',
  'label',
  'merged-pull',
  'coverage',
  'recorded-rollback',
]);

/**
 * Re-evaluates one repository after new facts, reading only what can change
 * a verdict (docs/kpis.md, "Re-evaluating only what can change"), and gives
 * exactly what evaluateRepoState gives over every fact known at `now`.
 *
 * `previous` is the repo's last evaluation (null: none yet); `changes` names
 * every group (FactIndexFields.group) that gained facts since (or 'all').
 * Groups whose facts became known between previous.now and `now` are found
 * here. Everything is read again when there is no usable previous
 * evaluation, `now` is before it, the config evaluates the repo differently
 * (evaluationConfigKey), or the first release's evaluation may change.
 */
export async function reevaluateRepo({
  repo,
  previous,
  changes,
  source,
  config,
  now,
}: {
  repo: string;
  previous: RepoEvaluation | null;
  changes: Changes;
  source: FactSource;
  config: Config;
  now: Instant;
}): Promise<Reevaluation> {
  const evaluator = createRepoEvaluator(config);
  const readAll = async (): Promise<Reevaluation> => {
    const evaluation = evaluator.evaluate({ repo, facts: await source.allFacts(), now });
    return { evaluation, ...diffEvaluations(previous, evaluation), read: { scope: 'all' } };
  };
  if (
    previous === null ||
    changes === 'all' ||
    previous.repo !== repo ||
    previous.version !== EVALUATION_VERSION ||
    now < previous.now
  ) {
    return readAll();
  }

  const changed = new Set(changes.groups);
  if (now > previous.now) {
    for (const group of await source.groupsKnownBetween({ after: previous.now, upTo: now })) changed.add(group);
  }
  const releaseTags = new Set<string>();
  const infoGroups: string[] = [];
  const alertGroups: string[] = [];
  const timedGroups: string[] = [];
  for (const group of changed) {
    const kind = group.slice(0, Math.max(0, group.indexOf(':')));
    if (kind === 'release') releaseTags.add(group.slice('release:'.length));
    else if (kind === 'repo-info') infoGroups.push(group);
    else if (kind === 'alert') alertGroups.push(group);
    else if (TIMED_GROUPS.has(kind)) timedGroups.push(group);
    else throw new Error(`cannot re-evaluate ${repo}: "${group}" is not a group of facts (see factIndexFields)`);
  }

  // The segment, from the previous deciding repo-info facts and the new ones.
  let repoInfo = previous.repoInfo;
  if (infoGroups.length > 0) {
    const infos = (await source.select({ since: null, chainsSince: null, shas: [], groups: infoGroups })).filter(
      (f): f is RepoInfoFact => f.type === 'repo-info',
    );
    repoInfo = reduceRepoInfo([...previous.repoInfo, ...infos]).deciding;
  }
  const segment = evaluator.segmentOf(repo, repoInfo);
  const { rules, configKey } = evaluator.settingsOf(segment);
  if (configKey !== previous.configKey) return readAll();
  if (changed.size === 0) {
    // Nothing new and nothing newly known: only the time (and maybe the segment's name) moved on.
    const evaluation: RepoEvaluation = { ...previous, now, segment };
    return { evaluation, ...diffEvaluations(previous, evaluation), read: { scope: 'changes' } };
  }

  // Every release, and how far back the changes reach: an item at a stable time is as before.
  const releaseFacts = await source.releaseFacts();
  const known = indexRepoFacts({ repo, facts: releaseFacts, now });
  const releases = scopeReleases({ facts: known, config, rules });
  const beforeByTag = new Map(previous.releases.map((r) => [r.release.tag, r]));
  const { groupsFrom, releasesAfter, moved } = await boundChanges({
    before: previous.releases.map((r) => r.release),
    after: releases,
    retractions: known.retractions,
    releaseTags,
    timedGroups,
    source,
  });
  const stable = (at: Instant): boolean => at < groupsFrom && at <= releasesAfter;
  const cut = Math.min(groupsFrom, releasesAfter);

  // Releases whose window ends by the cut keep their evaluation; the others are re-evaluated from
  // the facts since the latest release published at a stable time, where the previous evaluation
  // says how the redeploy chain and the coverage fallback stood.
  let first = releases.findIndex((r) => r.windowEnd > cut);
  if (first === -1) first = releases.length;
  let start = -1;
  for (let i = releases.length - 1; i >= 0; i--) {
    if (stable(releases[i]!.publishedAt)) {
      start = i;
      break;
    }
  }
  if (first < releases.length && start === -1) return readAll();
  const rows: ReleaseEvaluation[] = releases.slice(0, first).map((r) => {
    const row = beforeByTag.get(r.tag);
    if (!row || moved.has(r.tag)) throw new Error(`re-evaluation lost release ${r.tag}: evaluate the repo again`);
    return row;
  });

  let read: Reevaluation['read'] = { scope: 'changes' };
  let subset: Fact[] = [];
  const seeds: string[] = [];
  if (first < releases.length) {
    const seeded = beforeByTag.get(releases[start]!.tag)!;
    for (const id of seeded.deploymentsBefore) seeds.push(`deployment:${id}`);
    if (seeded.coverageBefore) seeds.push(`coverage:${seeded.coverageBefore.checkRunId}`);
  }
  if (first < releases.length || alertGroups.length > 0) {
    // Items at stable times are kept, so only groups reaching the cut are read again; but the chains
    // (redeploy, coverage fallback) are read from that release on, where the previous evaluation says
    // how they stood.
    const open = first < releases.length;
    const commits = new Set<string>();
    for (let i = first; i < releases.length; i++) if (releases[i]!.sha !== null) commits.add(releases[i]!.sha!);
    const range = open ? { since: cut, chainsSince: releases[start]!.publishedAt } : null;
    subset = await source.select({
      since: range?.since ?? null,
      chainsSince: range?.chainsSince ?? null,
      shas: [...commits],
      groups: [...seeds, ...alertGroups],
    });
    if (range) read = { scope: 'since', ...range };
  }
  if (first < releases.length) {
    // The merged PRs that the revert PRs read name (docs/kpis.md, "Rollbacks": revert-pr), wherever they are in time.
    const pulls = new Set<number>();
    const wanted = new Set<string>();
    for (const f of subset) if (f.type === 'merged-pull') pulls.add(f.number);
    for (const f of subset) {
      if (f.type !== 'merged-pull') continue;
      const match = REVERT_BRANCH.exec(f.headRef);
      if (match && !pulls.has(Number(match[1]))) wanted.add(`merged-pull:${Number(match[1])}`);
    }
    if (wanted.size > 0)
      subset.push(...(await source.select({ since: null, chainsSince: null, shas: [], groups: [...wanted] })));
  }

  const index = indexRepoFacts({ repo, facts: first < releases.length ? [...releaseFacts, ...subset] : subset, now });
  if (first < releases.length) {
    const fresh = evaluateReleases({ facts: index, config, rules, from: first });
    if (fresh.length !== releases.length - first || fresh.some((r, i) => r.release.tag !== releases[first + i]!.tag)) {
      throw new Error(`re-evaluation of ${repo} read other releases than it scoped: evaluate the repo again`);
    }
    for (const evaluated of fresh) {
      rows.push(mergeReleaseEvaluation({ before: beforeByTag.get(evaluated.release.tag), read: evaluated, stable }));
    }
  }

  const alerts = new Map<number, AlertEvaluation>(previous.alerts.map((a) => [a.number, a]));
  for (const group of alertGroups) {
    const number = Number(group.slice('alert:'.length));
    const observations = index.alerts.get(number);
    if (observations) alerts.set(number, reduceAlert(observations));
    else alerts.delete(number);
  }

  const evaluation: RepoEvaluation = {
    version: EVALUATION_VERSION,
    repo,
    now,
    segment,
    configKey,
    repoInfo,
    releases: rows,
    alerts: [...alerts.values()].sort((a, b) => a.number - b.number),
  };
  return { evaluation, ...diffEvaluations(previous, evaluation), read };
}
