import { defaultConfig } from '../../config/index.ts';
import type { Fact } from '../../events/types.ts';
import type { CollectedFacts, RepoRef, UnavailablePart } from '../types.ts';
import { collectAlerts } from './collect-alerts.ts';
import { collectApprovals } from './collect-approvals.ts';
import { collectCheckRuns } from './collect-check-runs.ts';
import { collectDeployments } from './collect-deployments.ts';
import { collectLabels } from './collect-labels.ts';
import { collectMergedPulls } from './collect-merged-pulls.ts';
import { collectReleases } from './collect-releases.ts';
import { collectRepoInfo } from './collect-repo-info.ts';
import { type CollectedRun, collectWorkflowRuns } from './collect-workflow-runs.ts';
import { readPart } from './read-part.ts';
import { REST_LIMITATIONS } from './rest-limitations.ts';

/**
 * One repository's history through the REST API, as the facts webhooks give
 * (docs/kpis.md, "Facts and where they come from"; docs/kpis.md, "What the REST API cannot show"): releases and their commits, deployments and statuses,
 * workflow runs with every attempt and their approvals, merged and reverted
 * pull requests, rollback labellings, Shipwell's check runs on release
 * commits, Dependabot alerts, topics and custom properties. Only what a
 * report from `since` (see reportHorizon) to `now` needs. A part the token may
 * not read is listed in `unavailable` with the permission it needs; the rest
 * still works. `labels`: the rollback labels to look for (config
 * `rollback.labels`; default `rollback`). Other errors (network, 5xx after
 * retries, a missing repository) are thrown.
 */
export async function collectRepoFacts({
  octokit,
  owner,
  repo,
  since,
  now,
  labels = defaultConfig().rollback.labels,
}: RepoRef & { labels?: readonly string[] }): Promise<CollectedFacts> {
  const ref: RepoRef = { octokit, owner, repo, since, now };
  const unavailable: UnavailablePart[] = [];
  const facts: Fact[] = [await collectRepoInfo({ ...ref, unavailable })];
  const part = <T>(part: string, permission: string, fallback: T, read: () => Promise<T>) =>
    readPart({ part, permission, unavailable, fallback, read });

  const releases = await part('releases', 'contents: read', { facts: [], releases: [] }, () => collectReleases(ref));
  const deployments = await part('deployments', 'deployments: read', { facts: [], runIds: [] as number[] }, () =>
    collectDeployments(ref),
  );
  const runs = await part('workflow runs', 'actions: read', { facts: [], runs: [] as CollectedRun[] }, () =>
    collectWorkflowRuns(ref),
  );
  const approvals = await part('deployment approvals', 'actions: read', [] as Fact[], () =>
    collectApprovals({ ...ref, runs: runs.runs, runIds: deployments.runIds }),
  );
  const pulls = await part('pull requests', 'pull-requests: read', [] as Fact[], () => collectMergedPulls(ref));
  const labelled = await part('rollback labels', 'issues: read', [] as Fact[], () => collectLabels({ ...ref, labels }));
  const shas = releases.releases.flatMap((release) => (release.sha ? [release.sha] : []));
  const checks = await part('check runs', 'checks: read', [] as Fact[], () => collectCheckRuns({ ...ref, shas }));
  const alerts = await part(
    'Dependabot alerts',
    'Dependabot alerts: read (an App installation or personal token; the workflow token cannot read them)',
    [] as Fact[],
    () => collectAlerts(ref),
  );
  facts.push(
    ...releases.facts,
    ...deployments.facts,
    ...runs.facts,
    ...approvals,
    ...pulls,
    ...labelled,
    ...checks,
    ...alerts,
  );
  return { facts, unavailable, limitations: [...REST_LIMITATIONS] };
}
