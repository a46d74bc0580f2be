// The state GitHub's REST API shows after a history of webhook deliveries:
// each object as its newest delivery left it (a release, a deployment with
// every status, each attempt of a run, a check run, an alert), so the REST
// path (the Action, `shipwell report`) can be run on the history the
// webhook path (the CLI, the App) reads.
import type { WebhookDelivery } from '../../src/events/index.ts';
import { emptyRepo, type FakeRepo } from '../github/fake-github.ts';

type Json = Record<string, unknown>;

const newer = (a: Json | undefined, b: Json, key: string) => !a || String(b[key]) >= String(a[key]);

export function restRepoOf({ repo, deliveries }: { repo: string; deliveries: readonly WebhookDelivery[] }): FakeRepo {
  const [owner = '', name = ''] = repo.split('/');
  const fake = emptyRepo(owner, name);
  const releases = new Map<string, Json>();
  const deployments = new Map<number, Json>();
  const alerts = new Map<number, Json>();
  const attempts = new Map<number, Json[]>();
  for (const { payload } of deliveries) {
    const p = payload as Json;
    const repository = p.repository as Json | undefined;
    if (repository?.full_name !== repo) continue;
    if (Array.isArray(repository.topics)) fake.topics = repository.topics as string[];
    if (p.release) {
      const release = p.release as Json;
      releases.set(String(release.tag_name), release);
      fake.refs[String(release.tag_name)] = { type: 'commit', sha: String(release.target_commitish) };
    }
    if (p.deployment_status) {
      const deployment = p.deployment as Json;
      deployments.set(Number(deployment.id), deployment);
      const statuses = [...(fake.statuses[Number(deployment.id)] ?? []), p.deployment_status as Json];
      fake.statuses[Number(deployment.id)] = statuses;
      statuses.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
    }
    if (p.workflow_run && !p.deployment_status) {
      const run = p.workflow_run as Json;
      const list = attempts.get(Number(run.id)) ?? [];
      list.push(run);
      attempts.set(Number(run.id), list);
      fake.attempts[`${run.id}:${run.run_attempt}`] = run;
    }
    if (p.check_run) fake.checkRuns.push(p.check_run as Json);
    if (p.alert) {
      const alert = p.alert as Json;
      if (newer(alerts.get(Number(alert.number)), alert, 'updated_at')) alerts.set(Number(alert.number), alert);
    }
  }
  fake.releases = [...releases.values()];
  fake.deployments = [...deployments.values()];
  fake.alerts = [...alerts.values()];
  // REST lists a run once, at its latest attempt
  fake.runs = [...attempts.values()].map((list) =>
    list.reduce((a, b) => (Number(b.run_attempt) > Number(a.run_attempt) ? b : a)),
  );
  return fake;
}
