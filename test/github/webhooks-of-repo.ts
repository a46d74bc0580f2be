// The webhook deliveries GitHub would have sent over a synthetic
// repository's history (test/github/make-synthetic-org.ts), each at the
// moment it happened: what the App hears when it is installed from the
// start. The parity test compares the report from these with the report
// from the backfill of the same history.
import type { WebhookDelivery } from '../../src/events/index.ts';
import { type FakeRepo, repositoryObject } from './fake-github.ts';

type Json = Record<string, unknown>;

export function webhooksOfRepo(repo: FakeRepo): WebhookDelivery[] {
  const repository = repositoryObject(repo);
  const out: WebhookDelivery[] = [];
  const send = (id: string, name: string, at: unknown, payload: Json) =>
    out.push({ id, name, at: String(at), payload: { repository, ...payload } });
  // the repository's creation: the App knows it (topics, properties) even when nothing else ever happens there
  send(`repository-${repo.id}`, 'repository', '2025-01-01T00:00:00Z', { action: 'created' });
  for (const release of repo.releases) {
    // the tag is pushed when the release is created: the push names its commit
    const ref = repo.refs[String(release.tag_name)];
    const commit = ref?.type === 'tag' ? repo.tagObjects[ref.sha]?.sha : ref?.sha;
    if (commit) {
      out.push({
        id: `push-${release.id}`,
        name: 'push',
        at: String(release.created_at),
        payload: {
          ref: `refs/tags/${release.tag_name}`,
          after: ref!.sha,
          head_commit: { id: commit },
          repository: { ...repository, pushed_at: Math.floor(Date.parse(String(release.created_at)) / 1000) },
        },
      });
    }
    if (release.draft) continue;
    send(`release-${release.id}`, 'release', release.published_at, { action: 'published', release });
    if (release.prerelease)
      send(`prerelease-${release.id}`, 'release', release.published_at, { action: 'prereleased', release });
  }
  for (const deployment of repo.deployments) {
    const statuses = repo.statuses[Number(deployment.id)] ?? [];
    const run = statuses.map((s) => /\/actions\/runs\/(\d+)/.exec(String(s.log_url ?? ''))).find(Boolean);
    for (const status of statuses) {
      send(`status-${status.id}`, 'deployment_status', status.created_at, {
        action: 'created',
        deployment,
        deployment_status: status,
        workflow_run: run ? { id: Number(run[1]) } : null,
      });
    }
  }
  for (const run of repo.runs) {
    const attempts = [
      ...Object.entries(repo.attempts)
        .filter(([key]) => key.startsWith(`${run.id}:`))
        .map(([, attempt]) => attempt),
      run,
    ];
    for (const attempt of attempts) {
      send(`run-${run.id}-${attempt.run_attempt}`, 'workflow_run', attempt.updated_at, {
        action: 'completed',
        workflow_run: attempt,
        workflow: null,
      });
    }
    // the API keeps no approval time: the run's last update stands in (docs/kpis.md, "What the REST API cannot show")
    for (const approval of repo.approvals[Number(run.id)] ?? []) {
      send(`approval-${run.id}-${(approval.user as { login: string }).login}`, 'deployment_review', run.updated_at, {
        action: 'approved',
        approver: approval.user,
        workflow_run: {
          id: run.id,
          run_attempt: run.run_attempt,
          head_sha: run.head_sha,
          head_branch: run.head_branch,
          updated_at: run.updated_at,
        },
      });
    }
  }
  for (const pull of repo.pulls) {
    if (pull.merged_at === null) continue;
    send(`pull-${pull.number}`, 'pull_request', pull.merged_at, {
      action: 'closed',
      pull_request: { ...pull, merged: true },
    });
  }
  for (const issue of repo.issues) {
    for (const event of repo.issueEvents[Number(issue.number)] ?? []) {
      send(`label-${event.id}`, 'issues', event.created_at, {
        action: 'labeled',
        label: event.label,
        issue: { number: issue.number, title: issue.title, body: issue.body },
      });
    }
  }
  for (const run of repo.checkRuns) {
    send(`check-${run.id}`, 'check_run', run.completed_at, { action: 'completed', check_run: run });
  }
  for (const alert of repo.alerts === 'forbidden' ? [] : repo.alerts) {
    send(`alert-${alert.number}-created`, 'dependabot_alert', alert.created_at, {
      action: 'created',
      alert: { ...alert, state: 'open', fixed_at: null, updated_at: alert.created_at },
    });
    if (alert.state === 'fixed')
      send(`alert-${alert.number}-fixed`, 'dependabot_alert', alert.fixed_at, { action: 'fixed', alert });
  }
  return out;
}
