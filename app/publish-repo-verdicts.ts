import { createHash } from 'node:crypto';
import { rulesForSegment } from '../src/config/index.ts';
import { httpStatus, publishReleaseVerdict, updateReleaseNotes } from '../src/github/index.ts';
import { computeReport } from '../src/kpi/index.ts';
import { renderReleaseSummary } from '../src/markdown/index.ts';
import type { ReleaseReport } from '../src/report/types.ts';
import { orgOf, type RepoRecord } from '../src/store/index.ts';
import { DAY, parseInstant } from '../src/time/index.ts';
import { MINUTE } from './durations.ts';
import { loadRepoConfig } from './load-repo-config.ts';
import type { AppDeps } from './types.ts';

/** How long one replica may take to publish a verdict before another may. */
const PUBLICATION_LEASE = 5 * MINUTE;

/** What a verdict is: a change to any of it is published; the passing of time alone is not. */
function verdictHash(release: ReleaseReport): string {
  return createHash('sha256').update(JSON.stringify(release)).digest('hex');
}

/**
 * Re-evaluates one repository's releases from its stored facts with the pure
 * core, at the clock's now, and publishes every release whose verdict changed
 * since it was last published: the "Shipwell KPIs" check run on its commit
 * and the release-notes section (src/github, the Action's publisher). A
 * pending release gets a timer at its window's end, when the scheduler
 * re-evaluates it. Releases whose window closed before the App knew the repo
 * are history: counted, not published. Each (release, verdict) is published
 * by one replica once (`claimPublication`). Throws when publishing fails
 * (the claim is dropped, so the next attempt publishes).
 */
export async function publishRepoVerdicts({ deps, record }: { deps: AppDeps; record: RepoRecord }): Promise<number> {
  const { store, clock, log } = deps;
  if (record.installationId === null) return 0;
  const octokit = await deps.github.installation(record.installationId);
  const config = await loadRepoConfig({ deps, octokit, repo: record.repo });
  const now = clock();
  const facts = await store.readFacts({ repo: record.repo });
  // on the report thread when there is one: a costly config must not hold webhook answers
  const source = deps.computeReport ? await store.readConfig({ scope: record.repo }) : null;
  const report =
    deps.computeReport && source
      ? await deps.computeReport({
          facts,
          config: { value: source.value, file: `${record.repo}/.github/shipwell.yml` },
          now,
          repo: record.repo,
        })
      : computeReport({ facts, config, now, repo: record.repo });
  const owner = orgOf(record.repo);
  const name = record.repo.slice(owner.length + 1);
  let published = 0;
  for (const release of report.releases) {
    const windowEnd = parseInstant(release.windowEnd) ?? now;
    if (release.status === 'pending') await store.setTimer({ repo: release.repo, tag: release.tag, dueAt: windowEnd });
    else await store.clearTimer({ repo: release.repo, tag: release.tag });
    if (windowEnd <= record.knownSince) continue;
    const generation = await store.claimPublication({
      repo: release.repo,
      tag: release.tag,
      hash: verdictHash(release),
      status: release.status,
      now,
      lease: PUBLICATION_LEASE,
    });
    if (generation === null) continue;
    try {
      const segmentRules = rulesForSegment({ config, segment: release.segment });
      const render = (maxLength?: number) =>
        renderReleaseSummary({
          report,
          repo: release.repo,
          tag: release.tag,
          rules: {
            maxDevopsActivities: segmentRules.maxDevopsActivities,
            minCoverage: segmentRules.minCoverage,
            rollbackWindowDays: segmentRules.rollbackWindow / DAY,
          },
          fullReportHint: `Full report: the App's \`/shipwell/api/report?org=${owner}\`.`,
          ...(maxLength === undefined ? {} : { maxLength }),
        });
      const result = await publishReleaseVerdict({ octokit, owner, repo: name, release, summary: render(), config });
      try {
        await updateReleaseNotes({ octokit, owner, repo: name, tag: release.tag, section: render, config });
      } catch (error) {
        if (httpStatus(error) !== 404) throw error;
      }
      await store.finishPublication({ repo: release.repo, tag: release.tag, generation, ok: true });
      log.info(
        { repo: release.repo, tag: release.tag, status: release.status, check: result.action },
        'verdict published',
      );
      published++;
    } catch (error) {
      await store.finishPublication({ repo: release.repo, tag: release.tag, generation, ok: false });
      throw error;
    }
  }
  return published;
}
