import type { Fact } from '../../events/types.ts';
import { formatInstant } from '../../time/index.ts';
import type { RepoRef } from '../types.ts';
import { factsFromPayload } from './facts-from-payload.ts';
import { fullName } from './full-name.ts';

/** The run as the collector keeps it for approvals. */
export interface CollectedRun {
  id: number;
  attempt: number;
  headSha: string;
  headBranch: string | null;
  /** The latest attempt's start: an approval's wait is timed from it (docs/kpis.md, "Time spent"). */
  startedAt: string | null;
  updatedAt: string;
}

/**
 * Completed workflow runs created since the horizon (`created=>=…` filters on
 * GitHub's side; before `until` too when given: `created=A..B`), and every earlier attempt of each re-run
 * (`…/runs/{id}/attempts/{n}`): REST lists only a run's latest attempt.
 * One `workflow_run` completed fact per attempt, as the webhook gives.
 */
export async function collectWorkflowRuns({
  octokit,
  owner,
  repo,
  since,
  until,
}: RepoRef & { until?: number }): Promise<{ facts: Fact[]; runs: CollectedRun[] }> {
  const second = (at: number) => formatInstant(at).replace(/\.\d{3}Z$/, 'Z');
  // GitHub's date ranges include both ends: the last second before `until`
  const created =
    until === undefined ? `>=${second(since)}` : `${second(since)}..${second(Math.ceil(until / 1000) * 1000 - 1000)}`;
  const list = await octokit.paginate('GET /repos/{owner}/{repo}/actions/runs', {
    owner,
    repo,
    status: 'completed',
    created,
    per_page: 100,
  });
  const repository = { full_name: fullName({ owner, repo }) };
  const facts: Fact[] = [];
  const runs: CollectedRun[] = [];
  const add = (run: { id: number | bigint; run_attempt?: number | undefined }) => {
    const attempt = run.run_attempt ?? 1;
    facts.push(
      ...factsFromPayload({
        id: `api:workflow-run:${run.id}:${attempt}`,
        name: 'workflow_run',
        payload: { action: 'completed', repository, workflow_run: run, workflow: null },
      }),
    );
  };
  for (const run of list) {
    add(run);
    const latest = run.run_attempt ?? 1;
    for (let attempt = 1; attempt < latest; attempt++) {
      const { data } = await octokit.request(
        'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}',
        {
          owner,
          repo,
          run_id: Number(run.id),
          attempt_number: attempt,
        },
      );
      if (data.status === 'completed') add(data);
    }
    runs.push({
      id: Number(run.id),
      attempt: latest,
      headSha: run.head_sha,
      headBranch: run.head_branch,
      startedAt: run.run_started_at ?? null,
      updatedAt: run.updated_at,
    });
  }
  return { facts, runs };
}
