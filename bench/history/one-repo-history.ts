// A year of one busy repository's facts, as the history benchmark seeds them:
// two releases a day (each with its commit, a coverage check run, deployments
// to staging and production with their statuses, an approval), a Dependabot
// alert every few days, the odd rollback label, and workflow runs making up
// the rest (a monorepo's CI: by far the most facts). Deterministic.
import type { Fact } from '../../src/events/types.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

function hex(n: number): string {
  return n.toString(16).padStart(40, '0');
}

/** About `count` facts of `repo` in the year before `end`, in batches of `batch` (made lazily: 1 M facts need not sit in memory). */
export function* oneRepoHistory({
  repo,
  count,
  end,
  batch = 5_000,
}: {
  repo: string;
  count: number;
  end: number;
  batch?: number;
}): Generator<Fact[]> {
  const start = end - 365 * DAY;
  const releases = Math.min(730, Math.floor(count / 40));
  const perRelease = 8;
  const runs = Math.max(0, count - 1 - releases * perRelease);
  const pending: Fact[] = [
    { type: 'repo-info', repo, origin: 'seed-info', topics: ['cloud'], customProperties: null, observedAt: null },
  ];
  for (let i = 0; i < releases; i++) {
    const publishedAt = start + Math.floor(((i + 0.5) * 365 * DAY) / releases);
    const tag = `v${Math.floor(i / 100) + 1}.${i % 100}.0`;
    const sha = hex(i + 1);
    const origin = `seed-r${i}`;
    pending.push(
      { type: 'release', repo, origin, tag, name: tag, publishedAt, draft: false, prerelease: false },
      { type: 'release-sha', repo, origin, tag, sha, via: 'target' },
      {
        type: 'coverage',
        repo,
        origin: `${origin}c`,
        checkRunId: 2_000_000_000 + i,
        sha,
        covered: 750 + ((i * 37) % 200),
        total: 1000,
        at: publishedAt - HOUR,
      },
      {
        type: 'approval',
        repo,
        origin: `${origin}a`,
        runId: 3_000_000_000 + i,
        attempt: 1,
        approver: 'lead',
        byBot: false,
        sha,
        ref: 'main',
        at: publishedAt + HOUR,
      },
    );
    for (const [d, environment] of ['staging', 'production'].entries()) {
      const at = publishedAt + d * 2 * HOUR;
      for (const state of ['in_progress', 'success'] as const) {
        pending.push({
          type: 'deployment-status',
          repo,
          origin: `${origin}d${d}${state}`,
          deploymentId: 4_000_000_000 + i * 2 + d,
          state,
          statusCreatedAt: at + (state === 'success' ? 5 * 60_000 : 0),
          environment,
          sha,
          ref: 'main',
          deploymentCreatedAt: at,
          creator: { login: 'deployer', isBot: true },
          viaWorkflow: true,
        });
      }
    }
    if (i % 4 === 0) {
      const createdAt = publishedAt + HOUR;
      const fixedBy = createdAt + ((i * 13) % 10) * DAY;
      // nothing after `end`: an alert not fixed by then is still open
      const fixedAt = i % 12 === 0 || fixedBy > end ? null : fixedBy;
      pending.push({
        type: 'alert',
        repo,
        origin: `${origin}al`,
        number: i + 1,
        state: fixedAt === null ? 'open' : 'fixed',
        severity: 'high',
        createdAt,
        updatedAt: fixedAt ?? createdAt,
        fixedAt,
        dismissedAt: null,
        autoDismissedAt: null,
      });
    }
    if (i % 50 === 7 && publishedAt + DAY <= end) {
      pending.push({
        type: 'label',
        repo,
        origin: `${origin}l`,
        number: 100_000 + i,
        label: 'rollback',
        title: `Roll back ${tag}`,
        body: null,
        at: publishedAt + DAY,
      });
    }
    while (pending.length >= batch) yield pending.splice(0, batch);
  }
  for (let n = 0; n < runs; n++) {
    const startedAt = start + Math.floor((n * 365 * DAY) / runs);
    pending.push({
      type: 'workflow-run',
      repo,
      origin: `seed-w${n}`,
      runId: 1_000_000_000 + n,
      attempt: n % 20 === 0 ? 2 : 1,
      name: 'CI',
      event: n % 30 === 0 ? 'workflow_dispatch' : 'push',
      conclusion: 'success',
      headSha: hex(10_000_000 + n),
      headBranch: 'main',
      startedAt,
      updatedAt: startedAt + 8 * 60_000,
      displayTitle: 'CI',
    });
    if (pending.length >= batch) yield pending.splice(0, batch);
  }
  if (pending.length > 0) yield pending;
}
