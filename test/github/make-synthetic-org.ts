// A synthetic organisation of N repositories with a year (and a little more)
// of realistic, varied history for the one fake GitHub: most repositories
// quiet (no release in the year, a few pull requests and alerts), some
// steady, a few busy — releases behind lightweight and annotated tags (some
// with a sha as target, some prereleases and drafts), deployments with
// in-progress and final statuses (by workflows, bots and people, with an
// occasional redeploy of an older release), workflow runs with re-runs and
// hand-started ones and deployment approvals, merged and revert pull
// requests, rollback-labelled issues naming a tag, coverage and rollback
// check runs on release commits, Dependabot alerts open and fixed.
// Deterministic for a seed.
import { DAY, formatInstant, HOUR, type Instant, MINUTE } from '../../src/time/index.ts';
import { createRandom } from '../support/create-random.ts';
import { fakeAlert } from './fake-alert.ts';
import { emptyRepo, type FakeRepo } from './fake-github.ts';

const iso = (at: Instant) => formatInstant(Math.floor(at / 1000) * 1000).replace('.000Z', 'Z');
const hex = (n: number, prefix: string) => `${prefix}${n.toString(16)}`.padEnd(40, '0').slice(0, 40);

/** How busy a repository is: releases a year (deployments, runs and pull requests follow). */
export type RepoActivity = 'quiet' | 'steady' | 'active' | 'busy';

const RELEASES_A_YEAR: Record<RepoActivity, number> = { quiet: 0, steady: 6, active: 26, busy: 120 };

/** The share of each kind: most repositories quiet, a few busy. */
function activityOf(index: number, random: () => number): RepoActivity {
  if (index < 3) return (['busy', 'active', 'steady'] as const)[index]!;
  const roll = random();
  return roll < 0.6 ? 'quiet' : roll < 0.88 ? 'steady' : roll < 0.98 ? 'active' : 'busy';
}

/** One repository's history over `days` days before `now`. */
export function makeSyntheticRepo({
  owner,
  name,
  id,
  now,
  activity,
  seed,
  days = 400,
}: {
  owner: string;
  name: string;
  id: number;
  now: Instant;
  activity: RepoActivity;
  seed: number;
  days?: number;
}): FakeRepo {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const repo = emptyRepo(owner, name, id);
  repo.topics = [pick(['cloud', 'ios', 'web', 'data'])];
  if (random() < 0.3) repo.customProperties = { team: pick(['core', 'growth', 'infra']) };
  const start = now - days * DAY;
  const base = id * 100_000;
  let serial = 0;
  const next = () => base + ++serial;
  const releaseCount = Math.round((RELEASES_A_YEAR[activity] * days) / 365);
  const reviewed = activity !== 'quiet' && random() < 0.4;
  if (reviewed) {
    repo.environments.push({ name: 'production', protection_rules: [{ type: 'required_reviewers' }] });
  }
  const releases: { tag: string; sha: string; at: Instant }[] = [];
  for (let i = 0; i < releaseCount; i++) {
    const at = start + ((i + random()) * days * DAY) / releaseCount;
    if (at >= now - HOUR) break;
    const hotfix = random() < 0.05;
    const tag = hotfix ? `v1.${i}.1-hotfix` : `v1.${i}.0`;
    const sha = hex(next(), 'c');
    const kind = random();
    const draft = random() < 0.03;
    repo.releases.push({
      id: next(),
      tag_name: tag,
      name: hotfix ? `Hotfix ${tag}` : `Release ${tag}`,
      target_commitish: kind < 0.2 ? sha : 'main',
      created_at: iso(at - 5 * MINUTE),
      published_at: draft ? null : iso(at),
      draft,
      prerelease: random() < 0.05,
      body: `Changes in ${tag}`,
    });
    if (kind < 0.55) repo.refs[tag] = { type: 'commit', sha };
    else {
      const object = hex(next(), 'a');
      repo.refs[tag] = { type: 'tag', sha: object };
      repo.tagObjects[object] = { type: 'commit', sha };
    }
    if (draft) continue;
    releases.push({ tag, sha, at });
    if (random() < 0.85) {
      const covered = 600 + Math.floor(random() * 400);
      repo.checkRuns.push({
        id: next(),
        name: 'shipwell/coverage',
        head_sha: sha,
        status: 'completed',
        conclusion: 'neutral',
        started_at: iso(at - 40 * MINUTE),
        completed_at: iso(at - 30 * MINUTE),
        output: { title: `Lines: ${covered}/1000`, summary: `Lines: ${covered}/1000` },
      });
    }
    if (random() < 0.1) {
      repo.checkRuns.push({
        id: next(),
        name: 'build',
        head_sha: sha,
        status: 'completed',
        conclusion: 'success',
        completed_at: iso(at - 50 * MINUTE),
        output: { title: 'ok', summary: 'ok' },
      });
    }
    if (random() < 0.03) {
      repo.checkRuns.push({
        id: next(),
        name: 'shipwell/rollback',
        head_sha: sha,
        status: 'completed',
        conclusion: 'neutral',
        completed_at: iso(at + 2 * HOUR),
        output: { title: `Rollback of ${tag}`, summary: `Release: ${tag}\nReason: error rate` },
      });
    }
  }
  const run = (fields: {
    at: Instant;
    sha: string;
    name: string;
    event: string;
    attempts: number;
    conclusion?: string;
  }) => {
    const runId = next();
    const latest = {
      id: runId,
      name: fields.name,
      event: fields.event,
      status: 'completed',
      conclusion: fields.conclusion ?? 'success',
      head_sha: fields.sha,
      head_branch: 'main',
      created_at: iso(fields.at),
      run_started_at: iso(fields.at + (fields.attempts - 1) * 20 * MINUTE),
      updated_at: iso(fields.at + (fields.attempts - 1) * 20 * MINUTE + 6 * MINUTE),
      run_attempt: fields.attempts,
      display_title: `${fields.name} on ${fields.sha.slice(0, 7)}`,
      actor: { login: 'dev', type: 'User' },
    };
    repo.runs.push(latest);
    for (let attempt = 1; attempt < fields.attempts; attempt++) {
      repo.attempts[`${runId}:${attempt}`] = {
        ...latest,
        run_attempt: attempt,
        conclusion: 'failure',
        run_started_at: iso(fields.at + (attempt - 1) * 20 * MINUTE),
        updated_at: iso(fields.at + (attempt - 1) * 20 * MINUTE + 5 * MINUTE),
      };
    }
    return runId;
  };
  for (const [index, release] of releases.entries()) {
    run({ at: release.at - HOUR, sha: release.sha, name: 'CI', event: 'push', attempts: random() < 0.1 ? 2 : 1 });
    if (random() < 0.1)
      run({ at: release.at + HOUR, sha: release.sha, name: 'Smoke', event: 'workflow_dispatch', attempts: 1 });
    const environments = random() < 0.5 ? ['staging', 'production'] : ['production'];
    for (const environment of environments) {
      const created = release.at + 10 * MINUTE + (environment === 'production' ? 30 * MINUTE : 0);
      const how = random();
      const deployRun =
        how < 0.6
          ? run({
              at: created - MINUTE,
              sha: release.sha,
              name: 'Deploy',
              event: 'push',
              attempts: random() < 0.05 ? 2 : 1,
            })
          : null;
      const deploymentId = next();
      repo.deployments.push({
        id: deploymentId,
        sha: release.sha,
        ref: random() < 0.7 ? release.tag : 'main',
        environment,
        created_at: iso(created),
        creator: deployRun
          ? { login: 'github-actions[bot]', type: 'Bot' }
          : how < 0.8
            ? { login: 'deploy-bot[bot]', type: 'Bot' }
            : { login: 'ops', type: 'User' },
        performed_via_github_app: deployRun ? { slug: 'github-actions' } : null,
      });
      const failed = random() < 0.05;
      const log = deployRun ? `https://github.com/${owner}/${name}/actions/runs/${deployRun}` : '';
      repo.statuses[deploymentId] = [
        {
          id: next(),
          state: failed ? 'failure' : 'success',
          created_at: iso(created + 8 * MINUTE),
          environment,
          target_url: log,
          log_url: log,
        },
        {
          id: next(),
          state: 'in_progress',
          created_at: iso(created + MINUTE),
          environment,
          target_url: log,
          log_url: log,
        },
      ];
      if (deployRun && reviewed && environment === 'production') {
        repo.approvals[deployRun] = [
          { state: 'approved', user: { login: pick(['lead', 'sre']), type: 'User' }, comment: '' },
        ];
      }
    }
    if (index > 0 && random() < 0.04) {
      const older = releases[index - 1]!;
      const at = release.at + 3 * HOUR;
      const deploymentId = next();
      repo.deployments.push({
        id: deploymentId,
        sha: older.sha,
        ref: older.tag,
        environment: 'production',
        created_at: iso(at),
        creator: { login: 'ops', type: 'User' },
        performed_via_github_app: null,
      });
      repo.statuses[deploymentId] = [
        {
          id: next(),
          state: 'success',
          created_at: iso(at + 5 * MINUTE),
          environment: 'production',
          target_url: '',
          log_url: '',
        },
      ];
    }
    if (random() < 0.03)
      run({ at: release.at + 2 * HOUR, sha: release.sha, name: 'Rollback', event: 'workflow_dispatch', attempts: 1 });
    if (random() < 0.03) {
      const number = next() % 100_000;
      const labelledAt = release.at + 4 * HOUR;
      repo.issues.push({
        number,
        title: `Roll back ${release.tag}`,
        body: `${release.tag} broke checkout`,
        labels: [{ name: 'rollback' }],
        updated_at: iso(labelledAt + MINUTE),
      });
      repo.issueEvents[number] = [
        { id: next(), event: 'labeled', created_at: iso(labelledAt), label: { name: 'rollback' } },
      ];
    }
  }
  const pulls = activity === 'quiet' ? Math.floor(random() * 4) : releaseCount * 3;
  for (let i = 0; i < pulls; i++) {
    const at = start + ((i + random()) * days * DAY) / Math.max(1, pulls);
    if (at >= now - HOUR) break;
    const number = i + 1;
    const revert = i > 3 && random() < 0.03;
    repo.pulls.push({
      number,
      state: 'closed',
      title: revert ? `Revert "change ${i - 2}"` : `change ${i}`,
      head: { ref: revert ? `revert-${i - 2}-change` : `feature-${i}` },
      merged_at: random() < 0.9 ? iso(at) : null,
      updated_at: iso(at + MINUTE),
    });
  }
  const alerts = activity === 'quiet' ? Math.floor(random() * 3) : Math.floor(random() * 12);
  repo.alerts = Array.from({ length: alerts }, (_, i) => {
    const opened = start + random() * days * DAY;
    const fixed = random() < 0.7 ? Math.min(now - HOUR, opened + Math.floor(random() * 40) * DAY) : null;
    return fakeAlert({ number: i + 1, opened, fixed, severity: pick(['low', 'medium', 'high', 'critical']) });
  });
  return repo;
}

/** `repos` repositories of `org`, ids from 1,000 up; the same for the same seed. */
export function makeSyntheticOrg({
  org = 'acme',
  repos,
  now,
  seed = 20,
  days,
}: {
  org?: string;
  repos: number;
  now: Instant;
  seed?: number;
  days?: number;
}): FakeRepo[] {
  const random = createRandom(seed);
  return Array.from({ length: repos }, (_, index) =>
    makeSyntheticRepo({
      owner: org,
      name: `service-${String(index).padStart(4, '0')}`,
      id: 1_000 + index,
      now,
      activity: activityOf(index, random),
      seed: seed * 1_000_003 + index,
      ...(days === undefined ? {} : { days }),
    }),
  );
}
