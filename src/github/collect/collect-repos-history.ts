import { COVERAGE_CHECK, ROLLBACK_CHECK } from '../../events/index.ts';
import type { Fact, RepoInfoFact } from '../../events/types.ts';
import { formatInstant, type Instant } from '../../time/index.ts';
import type { GitHubClient, UnavailablePart } from '../types.ts';
import { BudgetExhaustedError } from '../use-rate-budget.ts';
import { collectAlerts } from './collect-alerts.ts';
import { collectApprovals } from './collect-approvals.ts';
import { collectCheckRuns } from './collect-check-runs.ts';
import { collectLabels } from './collect-labels.ts';
import { collectOrgAlerts } from './collect-org-alerts.ts';
import { collectRepoInfo } from './collect-repo-info.ts';
import { type CollectedRun, collectWorkflowRuns } from './collect-workflow-runs.ts';
import { factsFromPayload } from './facts-from-payload.ts';
import { fullName } from './full-name.ts';
import { readOrgProperties } from './read-org-properties.ts';
import { readPart } from './read-part.ts';
import { requestGraphql } from './request-graphql.ts';
import { timeOf } from './time-of.ts';

/** A repository to collect. */
export interface RepoName {
  owner: string;
  repo: string;
}

/**
 * The span of history one pass reads: facts dated from `since` up to (not
 * including) `until`; `until` null is "up to now". The org collector reads
 * the newest window first, then the rest (docs/app.md, "The first hour").
 */
export interface HistoryWindow {
  since: Instant;
  until: Instant | null;
}

/** What one pass read of one repository. */
export interface RepoHistory {
  repo: string;
  facts: Fact[];
  unavailable: UnavailablePart[];
  /** Whether a release was published since the horizon (else deployments, runs and the rest were not read). */
  active: boolean;
}

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}
interface ReleaseNode {
  databaseId: number;
  tagName: string;
  name: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  tagCommit: { oid: string } | null;
}
interface RepositoryNode {
  databaseId: number;
  repositoryTopics: { nodes: { topic: { name: string } }[] };
  releases: Page<ReleaseNode>;
}
interface PullNode {
  number: number;
  title: string;
  mergedAt: string | null;
  updatedAt: string;
  headRefName: string;
}
interface LabelledNode {
  number: number;
  title: string;
  body: string;
  updatedAt: string;
  timelineItems: {
    pageInfo: { hasNextPage: boolean };
    nodes: ({ id: string; createdAt: string; label: { name: string } } | Record<string, never>)[];
  };
}
interface DeploymentNode {
  databaseId: number;
  createdAt: string;
  environment: string | null;
  commitOid: string;
  ref: { name: string } | null;
  creator: { __typename: string; login: string } | null;
  statuses: {
    pageInfo: { hasNextPage: boolean };
    nodes: { id: string; state: string; createdAt: string; environment: string | null; logUrl: string | null }[];
  };
}
interface CheckRunNode {
  databaseId: number;
  name: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  title: string | null;
  summary: string | null;
}

const REVERT_BRANCH = /^revert-(\d+)-/;
const RUN_URL = /\/actions\/runs\/(\d+)/;
/**
 * Repositories (or commits) per aliased query. GitHub prices a query at its
 * connection requests / 100, rounded to the nearest point (docs/app.md, "The
 * first hour"): each batch stays under 150 requests, one point — releases
 * and topics 2 a repository, activity 19, deployments 21, a commit's check
 * runs 21.
 */
const BATCH = { releases: 50, activity: 7, deployments: 7, commits: 7 } as const;

const lower = (value: string | null) => (value === null ? null : value.toLowerCase());
const chunk = <T>(items: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * The history of several repositories (docs/app.md, "The first hour"), as
 * the REST collector's facts (same kinds, origins and times): GraphQL where
 * it is far cheaper — releases with their tag's commit and topics for 50
 * repositories a query; merged and rollback-labelled pull requests and
 * issues with their labelling times, and environments' reviewer rules, for
 * 7; deployments with their statuses for 7; the coverage and rollback check
 * runs of 7 release commits a query — and REST where GraphQL lacks the
 * data: Dependabot alerts (update times; org-wide when the org's list can
 * be read), workflow runs and their earlier attempts, approvals, custom
 * properties (org-wide). Reads only what `window` needs; activity
 * (deployments, runs, pull requests, labels, check runs) only for a
 * repository with a release published in the window (`recent`) or since
 * `horizon` (otherwise). `recent` also reads repository info and alerts
 * (current state, read once). When the
 * rate limit runs out mid-way (BudgetExhaustedError), the error carries the
 * repositories already read in full (`completed`).
 */
export async function collectReposHistory({
  octokit,
  repos,
  window,
  horizon,
  now,
  labels,
  recent,
}: {
  octokit: GitHubClient;
  repos: readonly RepoName[];
  window: HistoryWindow;
  horizon: Instant;
  now: Instant;
  labels: readonly string[];
  /** The first pass of these repositories: also reads repository info and Dependabot alerts. */
  recent: boolean;
}): Promise<RepoHistory[]> {
  const until = window.until ?? Number.POSITIVE_INFINITY;
  const inWindow = (at: Instant | null) => at !== null && at >= window.since && at < until;
  const results = new Map<
    string,
    RepoHistory & { topics: string[] | null; releases: ReleaseNode[]; id: number | null }
  >();
  for (const r of repos) {
    results.set(fullName(r), {
      repo: fullName(r),
      facts: [],
      unavailable: [],
      active: false,
      topics: null,
      releases: [],
      id: null,
    });
  }
  const entry = (r: RepoName) => results.get(fullName(r))!;
  // GraphQL answers a repository the token may not read with null (its error says FORBIDDEN)
  const missing = (r: RepoName, part: string, permission: string) =>
    entry(r).unavailable.push({ part, permission, reason: 'forbidden' });

  // Releases (and topics, the repository's id): every release of the horizon, newest first.
  for (const group of chunk(repos, BATCH.releases)) {
    let pending = group.map((r) => ({ ...r, after: null as string | null }));
    while (pending.length > 0) {
      const { data } = await requestGraphql<Record<string, RepositoryNode | null>>({
        octokit,
        query: { kind: 'releases', repos: pending },
      });
      const next: typeof pending = [];
      pending.forEach((r, i) => {
        const repository = data[`r${i}`];
        if (!repository) {
          missing(r, 'releases', 'contents: read');
          return;
        }
        const target = entry(r);
        target.id = repository.databaseId;
        target.topics = repository.repositoryTopics.nodes.map((node) => node.topic.name);
        target.releases.push(...repository.releases.nodes);
        const oldest = repository.releases.nodes.at(-1);
        const old = (text: string | null) => (timeOf(text) ?? Number.NEGATIVE_INFINITY) < window.since;
        if (repository.releases.pageInfo.hasNextPage && oldest && !(old(oldest.createdAt) && old(oldest.publishedAt))) {
          next.push({ ...r, after: repository.releases.pageInfo.endCursor });
        }
      });
      pending = next;
    }
  }

  const commits = new Map<string, Set<string>>();
  for (const r of repos) {
    const target = entry(r);
    const repository = { full_name: target.repo };
    target.active = target.releases.some(
      (n) => !n.isDraft && (timeOf(n.publishedAt) ?? Number.NEGATIVE_INFINITY) >= horizon,
    );
    const oids = new Set<string>();
    for (const node of target.releases) {
      const publishedAt = timeOf(node.publishedAt);
      if (node.isDraft || publishedAt === null || !inWindow(publishedAt)) continue;
      target.facts.push(
        ...factsFromPayload({
          id: `api:release:${node.databaseId}`,
          name: 'release',
          payload: {
            action: 'published',
            repository,
            release: {
              id: node.databaseId,
              tag_name: node.tagName,
              name: node.name,
              draft: node.isDraft,
              prerelease: node.isPrerelease,
              created_at: node.createdAt,
              published_at: node.publishedAt,
              target_commitish: null,
            },
          },
        }),
      );
      const sha = lower(node.tagCommit?.oid ?? null);
      if (sha === null) continue;
      target.facts.push({
        type: 'release-sha',
        repo: target.repo,
        origin: `api:tag:${node.tagName}`,
        tag: node.tagName,
        sha,
        via: 'api',
      });
      oids.add(sha);
    }
    commits.set(target.repo, oids);
  }

  const finished = new Set<string>();
  const output = () =>
    [...results.values()].map(({ repo, facts, unavailable, active: isActive }) => ({
      repo,
      facts,
      unavailable,
      active: isActive,
    }));
  try {
    if (recent) await collectInfoAndAlerts({ octokit, repos, results: [...results.values()], now, horizon });
    // a repository with no activity to read is complete now
    for (const r of repos) if (!entry(r).active) finished.add(fullName(r));

    const active = repos.filter((r) => entry(r).active);
    const reviewed = await collectPullsAndLabels({ octokit, repos: active, window, horizon, labels, entry, inWindow });
    const deployed = await collectDeploymentsGraphql({ octokit, repos: active, inWindow, since: window.since, entry });
    const checks = await collectCheckRunsGraphql({
      octokit,
      commits: active.flatMap((r) => [...(commits.get(fullName(r)) ?? [])].map((oid) => ({ ...r, oid }))),
      entry,
    });
    for (const r of active) {
      const target = entry(r);
      const ref = { octokit, owner: r.owner, repo: r.repo, since: window.since, now };
      const part = <T>(name: string, permission: string, fallback: T, read: () => Promise<T>) =>
        readPart({ part: name, permission, unavailable: target.unavailable, fallback, read });
      const deployments = deployed.get(target.repo) ?? { facts: [], runIds: [] };
      const runs = await part(
        'workflow runs',
        'actions: read',
        { facts: [] as Fact[], runs: [] as CollectedRun[] },
        () => collectWorkflowRuns({ ...ref, ...(window.until === null ? {} : { until: window.until }) }),
      );
      const approvals = await part('deployment approvals', 'actions: read', [] as Fact[], () =>
        collectApprovals({
          ...ref,
          runs: runs.runs,
          runIds: deployments.runIds,
          ...(reviewed.has(target.repo) ? { reviewed: reviewed.get(target.repo)! } : {}),
        }),
      );
      target.facts.push(...deployments.facts, ...runs.facts, ...approvals, ...(checks.get(target.repo) ?? []));
      finished.add(target.repo);
    }
  } catch (error) {
    // the rate limit ran out mid-way: the repositories read in full are kept by the caller, the rest read again later
    if (error instanceof BudgetExhaustedError)
      error.completed = output().filter((history) => finished.has(history.repo));
    throw error;
  }
  return output();
}

/** Repository info (topics from the repository, custom properties from the org's list) and Dependabot alerts. */
async function collectInfoAndAlerts({
  octokit,
  repos,
  results,
  now,
  horizon,
}: {
  octokit: GitHubClient;
  repos: readonly RepoName[];
  results: (RepoHistory & { topics: string[] | null; id: number | null })[];
  now: Instant;
  horizon: Instant;
}) {
  // read org-wide once a call; the App's next batches re-read them with If-None-Match (a 304 is free)
  const orgs = new Map<string, Awaited<ReturnType<typeof readOrgProperties>>>();
  const orgAlerts = new Map<string, Awaited<ReturnType<typeof collectOrgAlerts>>>();
  for (const [index, r] of repos.entries()) {
    const target = results[index]!;
    if (!orgs.has(r.owner)) orgs.set(r.owner, await readOrgProperties({ octokit, org: r.owner }));
    if (!orgAlerts.has(r.owner))
      orgAlerts.set(r.owner, await collectOrgAlerts({ octokit, org: r.owner, since: horizon }));
    const properties = orgs.get(r.owner);
    let info: RepoInfoFact;
    if (properties && target.id !== null) {
      const own = properties.get(fullName(r).toLowerCase()) ?? null;
      info = {
        type: 'repo-info',
        repo: target.repo,
        origin: `api:repo:${target.id}`,
        topics: target.topics && target.topics.length > 0 ? target.topics : null,
        customProperties: own,
        observedAt: now,
      };
    } else {
      info = await collectRepoInfo({
        octokit,
        owner: r.owner,
        repo: r.repo,
        since: horizon,
        now,
        unavailable: target.unavailable,
      });
    }
    target.facts.push(info);
    const known = orgAlerts.get(r.owner);
    if (known) {
      target.facts.push(...(known.get(target.repo.toLowerCase()) ?? []));
      continue;
    }
    const alerts = await readPart({
      part: 'Dependabot alerts',
      permission:
        'Dependabot alerts: read (an App installation or personal token; the workflow token cannot read them)',
      unavailable: target.unavailable,
      fallback: [] as Fact[],
      read: () => collectAlerts({ octokit, owner: r.owner, repo: r.repo, since: horizon, now }),
    });
    target.facts.push(...alerts);
  }
}

/** Merged pull requests (and the ones revert PRs revert) and rollback labellings, 7 repositories a query. */
async function collectPullsAndLabels({
  octokit,
  repos,
  window,
  horizon,
  labels,
  entry,
  inWindow,
}: {
  octokit: GitHubClient;
  repos: readonly RepoName[];
  window: HistoryWindow;
  horizon: Instant;
  labels: readonly string[];
  entry: (r: RepoName) => RepoHistory;
  inWindow: (at: Instant | null) => boolean;
}): Promise<Map<string, boolean>> {
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  // whether an environment requires reviewers (approvals are read only then); absent: unknown, REST asks
  const reviewed = new Map<string, boolean>();
  for (const group of chunk(repos, BATCH.activity)) {
    const { data } = await requestGraphql<
      Record<
        string,
        {
          pullRequests: Page<PullNode>;
          labelledIssues: Page<LabelledNode>;
          labelledPulls: Page<LabelledNode>;
          environments: Page<{ protectionRules: { nodes: { type: string }[] } }>;
        } | null
      >
    >({ octokit, query: { kind: 'activity', repos: group, labels, since: formatInstant(window.since) } });
    for (const [i, r] of group.entries()) {
      const target = entry(r);
      const repository = data[`r${i}`];
      if (!repository) {
        target.unavailable.push({ part: 'pull requests', permission: 'pull-requests: read', reason: 'forbidden' });
        continue;
      }
      const payloadRepo = { full_name: target.repo };
      if (!repository.environments.pageInfo.hasNextPage) {
        reviewed.set(
          target.repo,
          repository.environments.nodes.some((e) =>
            e.protectionRules.nodes.some((rule) => rule.type === 'REQUIRED_REVIEWERS'),
          ),
        );
      }
      // merged pull requests: by last update, newest first, as far as the window
      const pulls = [...repository.pullRequests.nodes];
      let page = repository.pullRequests;
      while (page.pageInfo.hasNextPage && (timeOf(page.nodes.at(-1)?.updatedAt) ?? 0) >= window.since) {
        const more = await requestGraphql<{ repository: { pullRequests: Page<PullNode> } }>({
          octokit,
          query: { kind: 'pulls', owner: r.owner, repo: r.repo, after: page.pageInfo.endCursor },
        });
        page = more.data.repository.pullRequests;
        pulls.push(...page.nodes);
      }
      const merged = pulls.filter((p) => inWindow(timeOf(p.mergedAt)));
      const known = new Set(merged.map((p) => p.number));
      const reverted = [
        ...new Set(
          merged.flatMap((p) => {
            const match = REVERT_BRANCH.exec(p.headRefName);
            return match && !known.has(Number(match[1])) ? [Number(match[1])] : [];
          }),
        ),
      ];
      if (reverted.length > 0) {
        const answer = await requestGraphql<{ repository: Record<string, PullNode | null> }>({
          octokit,
          query: { kind: 'pull', owner: r.owner, repo: r.repo, numbers: reverted },
        });
        // one merged before the horizon is read here; one inside it, by the pass whose window holds its merge
        for (const found of Object.values(answer.data.repository ?? {})) {
          const mergedAt = timeOf(found?.mergedAt);
          if (found && mergedAt !== null && mergedAt < horizon) merged.push(found);
        }
      }
      for (const p of merged) {
        target.facts.push(
          ...factsFromPayload({
            id: `api:pull:${p.number}`,
            name: 'pull_request',
            payload: {
              action: 'closed',
              repository: payloadRepo,
              pull_request: {
                number: p.number,
                title: p.title,
                merged_at: p.mergedAt,
                head: { ref: p.headRefName },
                merged: true,
              },
            },
          }),
        );
      }
      // rollback labellings of issues and pull requests; more than a page of either: REST reads them all
      const items = [...repository.labelledIssues.nodes, ...repository.labelledPulls.nodes];
      const lastPull = repository.labelledPulls.nodes.at(-1);
      const overflow =
        repository.labelledIssues.pageInfo.hasNextPage ||
        (repository.labelledPulls.pageInfo.hasNextPage && (timeOf(lastPull?.updatedAt) ?? 0) >= window.since) ||
        items.some((item) => item.timelineItems.pageInfo.hasNextPage);
      if (overflow) {
        const read = await collectLabels({
          octokit,
          owner: r.owner,
          repo: r.repo,
          since: window.since,
          now: 0,
          labels,
        });
        target.facts.push(...read.filter((fact) => fact.type === 'label' && inWindow(fact.at)));
        continue;
      }
      for (const item of items) {
        for (const event of item.timelineItems.nodes) {
          if (!('label' in event)) continue;
          const at = timeOf(event.createdAt);
          if (!inWindow(at) || !wanted.has(event.label.name.toLowerCase())) continue;
          target.facts.push(
            ...factsFromPayload({
              id: `api:label:${event.id}`,
              name: 'issues',
              payload: {
                action: 'labeled',
                repository: payloadRepo,
                label: { name: event.label.name },
                issue: { number: item.number, title: item.title, body: item.body || null },
              },
              at,
            }),
          );
        }
      }
    }
  }
  return reviewed;
}

/**
 * Deployments created in the window, newest first, with their statuses (one
 * `deployment_status` fact each), 7 repositories a query; a deployment with
 * more statuses than a page gets them from REST.
 */
async function collectDeploymentsGraphql({
  octokit,
  repos,
  inWindow,
  since,
  entry,
}: {
  octokit: GitHubClient;
  repos: readonly RepoName[];
  inWindow: (at: Instant | null) => boolean;
  since: Instant;
  entry: (r: RepoName) => RepoHistory;
}): Promise<Map<string, { facts: Fact[]; runIds: number[] }>> {
  const result = new Map<string, { facts: Fact[]; runIds: number[] }>();
  for (const group of chunk(repos, BATCH.deployments)) {
    let pending = group.map((r) => ({ ...r, after: null as string | null }));
    while (pending.length > 0) {
      const { data } = await requestGraphql<Record<string, { deployments: Page<DeploymentNode> } | null>>({
        octokit,
        query: { kind: 'deployments', repos: pending },
      });
      const next: typeof pending = [];
      for (const [i, r] of pending.entries()) {
        const page = data[`r${i}`]?.deployments;
        if (!page) {
          entry(r).unavailable.push({ part: 'deployments', permission: 'deployments: read', reason: 'forbidden' });
          continue;
        }
        const name = fullName(r);
        const own = result.get(name) ?? { facts: [], runIds: [] };
        result.set(name, own);
        for (const node of page.nodes) {
          if (!inWindow(timeOf(node.createdAt))) continue;
          own.facts.push(
            ...(await deploymentFacts({ octokit, owner: r.owner, repo: r.repo, node, runIds: own.runIds })),
          );
        }
        const oldest = timeOf(page.nodes.at(-1)?.createdAt);
        if (page.pageInfo.hasNextPage && oldest !== null && oldest >= since)
          next.push({ ...r, after: page.pageInfo.endCursor });
      }
      pending = next;
    }
  }
  return result;
}

/** One deployment's `deployment_status` facts, as REST and the webhook give them. */
async function deploymentFacts({
  octokit,
  owner,
  repo,
  node,
  runIds,
}: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  node: DeploymentNode;
  runIds: number[];
}): Promise<Fact[]> {
  let statuses = node.statuses.nodes.map((status) => ({
    id: status.id,
    state: status.state.toLowerCase(),
    created_at: status.createdAt,
    environment: status.environment,
    log_url: status.logUrl,
  }));
  if (node.statuses.pageInfo.hasNextPage) {
    const all = await octokit.paginate('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner,
      repo,
      deployment_id: node.databaseId,
      per_page: 100,
    });
    statuses = all.map((status) => ({
      id: String(status.id),
      state: status.state,
      created_at: status.created_at,
      environment: status.environment ?? null,
      log_url: status.log_url ?? status.target_url ?? null,
    }));
  }
  let runId: number | null = null;
  for (const status of statuses) {
    const match = RUN_URL.exec(status.log_url ?? '');
    if (match) runId = Number(match[1]);
  }
  const viaWorkflow = runId !== null || (node.creator?.__typename === 'Bot' && node.creator.login === 'github-actions');
  if (runId !== null && !runIds.includes(runId)) runIds.push(runId);
  const bot = node.creator?.__typename === 'Bot';
  const deployment = {
    id: node.databaseId,
    sha: node.commitOid,
    ref: node.ref?.name ?? node.commitOid,
    environment: node.environment,
    created_at: node.createdAt,
    creator: node.creator
      ? { login: bot ? `${node.creator.login}[bot]` : node.creator.login, type: bot ? 'Bot' : 'User' }
      : null,
  };
  return statuses.flatMap((status) =>
    factsFromPayload({
      id: `api:deployment-status:${status.id}`,
      name: 'deployment_status',
      payload: {
        action: 'created',
        repository: { full_name: fullName({ owner, repo }) },
        deployment,
        deployment_status: { state: status.state, created_at: status.created_at, environment: status.environment },
        workflow_run: viaWorkflow ? { id: runId } : null,
      },
    }),
  );
}

/**
 * The completed `shipwell/coverage` and `shipwell/rollback` check runs of
 * release commits, 7 commits a query across repositories; a commit with
 * more check suites than a page gets its check runs from REST.
 */
async function collectCheckRunsGraphql({
  octokit,
  commits,
  entry,
}: {
  octokit: GitHubClient;
  commits: readonly (RepoName & { oid: string })[];
  entry: (r: RepoName) => RepoHistory;
}): Promise<Map<string, Fact[]>> {
  const result = new Map<string, Fact[]>();
  const crowded: (RepoName & { oid: string })[] = [];
  type SuiteNode = { coverage: { nodes: CheckRunNode[] }; rollback: { nodes: CheckRunNode[] } };
  type CommitNode = { oid: string; checkSuites: Page<SuiteNode> } | null;
  for (const group of chunk(commits, BATCH.commits)) {
    const { data } = await requestGraphql<Record<string, Record<string, CommitNode> | null>>({
      octokit,
      query: { kind: 'checks', commits: group },
    });
    // the query names repositories r0, r1, … in the order they first appear, commits c0, c1, … in order
    const order = [...new Set(group.map((c) => fullName(c)))];
    for (const [i, c] of group.entries()) {
      const name = fullName(c);
      const repository = data[`r${order.indexOf(name)}`];
      if (repository === null || repository === undefined) {
        if (!entry(c).unavailable.some((u) => u.part === 'check runs'))
          entry(c).unavailable.push({ part: 'check runs', permission: 'checks: read', reason: 'forbidden' });
        continue;
      }
      const commit = repository[`c${i}`];
      if (!commit?.checkSuites) continue;
      if (commit.checkSuites.pageInfo.hasNextPage) {
        crowded.push(c);
        continue;
      }
      const own = result.get(name) ?? [];
      result.set(name, own);
      for (const suite of commit.checkSuites.nodes) {
        for (const run of [...suite.coverage.nodes, ...suite.rollback.nodes]) {
          if (run.status !== 'COMPLETED' || (run.name !== COVERAGE_CHECK && run.name !== ROLLBACK_CHECK)) continue;
          own.push(
            ...factsFromPayload({
              id: `api:check-run:${run.databaseId}`,
              name: 'check_run',
              payload: {
                action: 'completed',
                repository: { full_name: name },
                check_run: {
                  id: run.databaseId,
                  name: run.name,
                  head_sha: commit.oid,
                  status: 'completed',
                  conclusion: lower(run.conclusion),
                  started_at: run.startedAt,
                  completed_at: run.completedAt,
                  output: { title: run.title, summary: run.summary },
                },
              },
            }),
          );
        }
      }
    }
  }
  // more check suites than a page: REST lists the commit's check runs whatever their suite
  for (const c of crowded) {
    const facts = await collectCheckRuns({ octokit, owner: c.owner, repo: c.repo, shas: [c.oid], since: 0, now: 0 });
    result.set(fullName(c), [...(result.get(fullName(c)) ?? []), ...facts]);
  }
  return result;
}
