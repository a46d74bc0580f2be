import { httpStatus, publishReleaseVerdict, updateReleaseNotes } from '../../src/github/index.ts';
import { createRepoEvaluator, tallyReport } from '../../src/kpi/index.ts';
import { findReleaseRules, renderReleaseSummary, type TrendStyle } from '../../src/markdown/index.ts';
import type { ReleaseReport, Report } from '../../src/report/types.ts';
import { nameOf, orgOf, type PendingPublication, type StoreSlice } from '../../src/store/index.ts';
import { MINUTE } from '../durations.ts';
import type { JobHelpers } from '../types.ts';
import { defineJob, type Job } from './define-job.ts';
import { linkDashboard } from './link-dashboard.ts';
import { loadRepoConfig } from './load-repo-config.ts';
import { loadSegmentReport } from './load-segment-report.ts';

/** How long one replica may take to publish a verdict before another may. */
const LEASE = 5 * MINUTE;

export type PublishingStore = StoreSlice<'verdicts' | 'repos' | 'states' | 'facts' | 'configs'>;

/**
 * When a release is published (docs/app.md, "When a verdict is published"):
 * a release whose latest verdict (saved by the evaluation job) differs from
 * the one last published gets the "Shipwell KPIs" check run on its commit
 * and the release-notes section (src/github, the Action's publisher), with
 * its segment's trend across the org's repositories (loadSegmentReport).
 * One replica publishes each verdict once; a failure is retried with
 * backoff, and a verdict that changed meanwhile is published next.
 */
export function publishVerdicts({
  store,
  helpers,
}: {
  store: PublishingStore;
  helpers: JobHelpers;
}): Job<PendingPublication> {
  const { clock, worker, log } = helpers;
  return defineJob({
    name: 'publish-verdicts',
    schedule: { batch: 10, idle: 1000, settle: 15 },
    claim: (limit) => store.verdicts.claim({ worker, now: clock(), lease: LEASE, limit }),
    async perform(pending) {
      const failures: { item: PendingPublication; error: string }[] = [];
      const byRepo = Map.groupBy(pending, (p) => p.repo);
      for (const [repo, releases] of byRepo) {
        try {
          await publishRepo({ store, helpers, repo, releases, failures });
        } catch (error) {
          for (const item of releases) failures.push({ item, error: (error as Error).message });
        }
      }
      return failures;
    },
    fail: ({ item, error, retryAt }) => store.verdicts.fail({ repo: item.repo, tag: item.tag, worker, error, retryAt }),
    attempts: (item) => item.attempts,
    describe: (item) => ({ repo: item.repo, tag: item.tag }),
  });

  async function publishRepo({
    store,
    helpers,
    repo,
    releases,
    failures,
  }: {
    store: PublishingStore;
    helpers: JobHelpers;
    repo: string;
    releases: PendingPublication[];
    failures: { item: PendingPublication; error: string }[];
  }): Promise<void> {
    const record = await store.repos.read({ repo });
    if (!record || record.installationId === null) throw new Error(`${repo}: no installation to publish with`);
    const octokit = await helpers.github.installation(record.installationId);
    const config = await loadRepoConfig({ configs: store.configs, helpers, octokit, repo });
    const now = clock();
    // the repository's report from its evaluation (its facts only when it has none yet, or a later one)
    const stored = await store.states.read({ repo });
    const evaluation =
      stored && stored.now <= now
        ? stored
        : createRepoEvaluator(config).evaluate({ repo, facts: await store.facts.read({ repo }), now });
    const current = tallyReport({ evaluations: [evaluation], config, now, repo });
    const owner = orgOf(repo);
    // the trend under the verdict: its segment across the org's repositories, as the dashboard counts them
    const segment = await loadSegmentReport({ store, org: owner, repo, evaluation, now });
    if (segment === null)
      log.warn({ repo }, "the org's config does not validate: the trend shows the repository alone");
    else if (segment.uncounted.length > 0) {
      log.warn({ repo, uncounted: segment.uncounted }, 'repositories evaluated under another config: not in the trend');
    }
    const name = nameOf(repo);
    for (const item of releases) {
      try {
        const release = JSON.parse(item.body) as ReleaseReport;
        // the verdict as saved, beside its segment's trend as it stands now
        const report: Report = {
          ...current,
          releases: current.releases.map((r) => (r.tag === release.tag ? release : r)),
        };
        const dashboardUrl = linkDashboard({ publicUrl: helpers.publicUrl, org: owner, segment: release.segment });
        const render = (trend: TrendStyle, maxLength?: number) =>
          renderReleaseSummary({
            report,
            repo,
            tag: release.tag,
            webUrl: helpers.githubUrl,
            dashboardUrl,
            fullReportHint: `Full report: the App's \`/shipwell/api/report?org=${owner}\`.`,
            segmentReport: segment?.report,
            trend,
            ...(maxLength === undefined ? {} : { maxLength }),
          });
        // check runs keep the text trend; release notes draw the chart (docs/dashboard.md, "Pictures in summaries")
        const result = await publishReleaseVerdict({
          octokit,
          owner,
          repo: name,
          release,
          rules: findReleaseRules({ report, release }),
          summary: render('text'),
          config,
        });
        try {
          const section = (room: number) => render('mermaid', room);
          await updateReleaseNotes({ octokit, owner, repo: name, tag: release.tag, section, config });
        } catch (error) {
          if (httpStatus(error) !== 404) throw error;
        }
        await store.verdicts.published({ repo, tag: item.tag, hash: item.hash, worker });
        log.info({ repo, tag: release.tag, status: release.status, check: result.action }, 'verdict published');
      } catch (error) {
        failures.push({ item, error: (error as Error).message });
      }
    }
  }
}
