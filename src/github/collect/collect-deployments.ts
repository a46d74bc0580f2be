import type { Fact } from '../../events/types.ts';
import type { RepoRef } from '../types.ts';
import { factsFromPayload } from './facts-from-payload.ts';
import { fullName } from './full-name.ts';
import { timeOf } from './time-of.ts';

const RUN_URL = /\/actions\/runs\/(\d+)/;

/**
 * Deployments created since the horizon (`GET …/deployments`, newest first;
 * paging stops at the first page older than `since`) and every status of each
 * — one `deployment_status` fact per status, as the webhook gives. REST has
 * no `workflow_run` on a deployment: one made by GitHub Actions (its app is
 * `github-actions`, or a status links to `/actions/runs/N`) counts as made by
 * a workflow. Returns the run ids deployments link to (their approvals matter).
 */
export async function collectDeployments({
  octokit,
  owner,
  repo,
  since,
}: RepoRef): Promise<{ facts: Fact[]; runIds: number[] }> {
  const list = await octokit.paginate(
    'GET /repos/{owner}/{repo}/deployments',
    { owner, repo, per_page: 100 },
    (response, done) => {
      if (response.data.some((d) => (timeOf(d.created_at) ?? 0) < since)) done();
      return response.data;
    },
  );
  const repository = { full_name: fullName({ owner, repo }) };
  const facts: Fact[] = [];
  const runIds = new Set<number>();
  for (const deployment of list) {
    if ((timeOf(deployment.created_at) ?? 0) < since) continue;
    const statuses = await octokit.paginate('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner,
      repo,
      deployment_id: deployment.id,
      per_page: 100,
    });
    let runId: number | null = null;
    for (const status of statuses) {
      const match = RUN_URL.exec(`${status.log_url ?? ''} ${status.target_url ?? ''}`);
      if (match) runId = Number(match[1]);
    }
    const viaWorkflow = runId !== null || deployment.performed_via_github_app?.slug === 'github-actions';
    if (runId !== null) runIds.add(runId);
    for (const status of statuses) {
      facts.push(
        ...factsFromPayload({
          id: `api:deployment-status:${status.id}`,
          name: 'deployment_status',
          payload: {
            action: 'created',
            repository,
            deployment,
            deployment_status: status,
            workflow_run: viaWorkflow ? { id: runId } : null,
          },
        }),
      );
    }
  }
  return { facts, runIds: [...runIds] };
}
