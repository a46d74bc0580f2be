import type { Fact } from '../../events/types.ts';
import type { RepoRef } from '../types.ts';
import type { CollectedRun } from './collect-workflow-runs.ts';
import { factsFromPayload } from './facts-from-payload.ts';
import { fullName } from './full-name.ts';

/**
 * Deployment approvals of the runs that deployed (`…/runs/{id}/approvals`),
 * read only when an environment of the repo requires reviewers (one request
 * says whether any does; `reviewed` when the caller knows already). REST keeps no approval time and no attempt: the
 * run's `updated_at` and latest attempt stand in, as the webhook normalizer
 * does for a delivery without a time; nor when the run began to wait: its
 * wait is timed from the attempt's start (docs/kpis.md, "Time spent").
 */
export async function collectApprovals({
  octokit,
  owner,
  repo,
  runs,
  runIds,
  reviewed: known,
}: RepoRef & { runs: CollectedRun[]; runIds: number[]; reviewed?: boolean }): Promise<Fact[]> {
  if (runIds.length === 0 || known === false) return [];
  let reviewed = known === true;
  if (!reviewed) {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/environments', { owner, repo, per_page: 100 });
    reviewed = (data.environments ?? []).some((environment) =>
      (environment.protection_rules ?? []).some((rule) => rule.type === 'required_reviewers'),
    );
  }
  if (!reviewed) return [];
  const byId = new Map(runs.map((run) => [run.id, run]));
  const repository = { full_name: fullName({ owner, repo }) };
  const facts: Fact[] = [];
  for (const runId of runIds) {
    const run = byId.get(runId);
    if (!run) continue;
    const { data: approvals } = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
      owner,
      repo,
      run_id: runId,
    });
    for (const approval of approvals) {
      if (approval.state !== 'approved') continue;
      facts.push(
        ...factsFromPayload({
          id: `api:approval:${runId}:${approval.user.login}`,
          name: 'deployment_review',
          payload: {
            action: 'approved',
            repository,
            approver: approval.user,
            workflow_run: {
              id: run.id,
              run_attempt: run.attempt,
              head_sha: run.headSha,
              head_branch: run.headBranch,
              updated_at: run.updatedAt,
              run_started_at: run.startedAt,
            },
          },
        }),
      );
    }
  }
  return facts;
}
