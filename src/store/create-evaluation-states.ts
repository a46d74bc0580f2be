import type { AlertEvaluation, ReleaseEvaluation, RepoEvaluation } from '../kpi/index.ts';
import { columnKey } from './column-key.ts';
import type { EvaluationStates, SqlExecutor } from './types.ts';

/** `repo_evaluations`: a repository's evaluation but its releases and alerts. */
type RepoRow = { repo: string; body: string };
type ItemRow = { repo: string; body: string };

/** The evaluation without its releases and alerts, as its repository's row keeps it. */
function headOf(evaluation: RepoEvaluation): string {
  const { releases: _releases, alerts: _alerts, ...head } = evaluation;
  return JSON.stringify(head);
}

function assemble(
  repos: readonly RepoRow[],
  releases: readonly ItemRow[],
  alerts: readonly ItemRow[],
): RepoEvaluation[] {
  const byRepo = new Map<string, RepoEvaluation>();
  for (const row of repos) byRepo.set(row.repo, { ...JSON.parse(row.body), releases: [], alerts: [] });
  for (const row of releases) byRepo.get(row.repo)?.releases.push(JSON.parse(row.body) as ReleaseEvaluation);
  for (const row of alerts) byRepo.get(row.repo)?.alerts.push(JSON.parse(row.body) as AlertEvaluation);
  for (const evaluation of byRepo.values()) {
    // oldest first, as the engine gives them (publishedAt, then tag); alerts by number
    evaluation.releases.sort(
      (a, b) =>
        a.release.publishedAt - b.release.publishedAt ||
        (a.release.tag < b.release.tag ? -1 : a.release.tag > b.release.tag ? 1 : 0),
    );
    evaluation.alerts.sort((a, b) => a.number - b.number);
  }
  return [...byRepo.values()].sort((a, b) => (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0));
}

/**
 * What the engine concluded about each repository (docs/architecture.md,
 * "Facts and evaluations"): one row per repository, one per release (with
 * its publication time, so a report reads only the releases its periods
 * show) and one per alert. A re-evaluation rewrites only the rows it
 * changed; a report judges and tallies these rows instead of reading facts.
 */
export function createEvaluationStates({ q }: { q: SqlExecutor }): EvaluationStates {
  return {
    async read({ repo }) {
      const repos = await q.query<RepoRow>('SELECT repo, body FROM repo_evaluations WHERE repo = $1', [repo]);
      if (repos.length === 0) return null;
      const releases = await q.query<ItemRow>('SELECT repo, body FROM release_evaluations WHERE repo = $1', [repo]);
      const alerts = await q.query<ItemRow>('SELECT repo, body FROM alert_evaluations WHERE repo = $1', [repo]);
      return assemble(repos, releases, alerts)[0] ?? null;
    },

    async evaluatedAt({ repo }) {
      const rows = await q.query<{ evaluated_at: number | string }>(
        'SELECT evaluated_at FROM repo_evaluations WHERE repo = $1',
        [repo],
      );
      return rows[0] ? Number(rows[0].evaluated_at) : null;
    },

    async readOrg({ org, releasesFrom }) {
      const repos = await q.query<RepoRow>('SELECT repo, body FROM repo_evaluations WHERE org = $1', [org]);
      const releases = await q.query<ItemRow>(
        'SELECT repo, body FROM release_evaluations WHERE org = $1 AND published_at >= $2',
        [org, releasesFrom],
      );
      const alerts = await q.query<ItemRow>('SELECT repo, body FROM alert_evaluations WHERE org = $1', [org]);
      return assemble(repos, releases, alerts);
    },

    async save({ org, reevaluation }) {
      const { evaluation } = reevaluation;
      const { repo } = evaluation;
      await q.query(
        `INSERT INTO repo_evaluations (repo, org, evaluated_at, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (repo) DO UPDATE SET evaluated_at = excluded.evaluated_at, body = excluded.body`,
        [repo, org, evaluation.now, headOf(evaluation)],
      );
      const changed = new Set(reevaluation.changedReleases);
      for (const evaluated of evaluation.releases) {
        if (!changed.has(evaluated.release.tag)) continue;
        await q.query(
          `INSERT INTO release_evaluations (repo, tag, org, published_at, body) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (repo, tag) DO UPDATE SET published_at = excluded.published_at, body = excluded.body`,
          [repo, columnKey(evaluated.release.tag), org, evaluated.release.publishedAt, JSON.stringify(evaluated)],
        );
      }
      for (const tag of reevaluation.removedReleases) {
        await q.query('DELETE FROM release_evaluations WHERE repo = $1 AND tag = $2', [repo, columnKey(tag)]);
      }
      const alerts = new Set(reevaluation.changedAlerts);
      for (const alert of evaluation.alerts) {
        if (!alerts.has(alert.number)) continue;
        await q.query(
          `INSERT INTO alert_evaluations (repo, number, org, body) VALUES ($1, $2, $3, $4)
           ON CONFLICT (repo, number) DO UPDATE SET body = excluded.body`,
          [repo, alert.number, org, JSON.stringify(alert)],
        );
      }
      for (const number of reevaluation.removedAlerts) {
        await q.query('DELETE FROM alert_evaluations WHERE repo = $1 AND number = $2', [repo, number]);
      }
    },
  };
}
