import { createHash } from 'node:crypto';
import { type Config, defaultConfig } from '../../src/config/index.ts';
import { reevaluateRepo, tallyReport } from '../../src/kpi/index.ts';
import type { ReleaseReport, SegmentReport } from '../../src/report/types.ts';
import { type EvaluationRequest, orgOf, type StoreSlice, type VerdictRecord } from '../../src/store/index.ts';
import { parseInstant } from '../../src/time/index.ts';
import { MINUTE, SECOND } from '../durations.ts';
import { resolveStoredConfig } from '../resolve-stored-config.ts';
import type { JobHelpers } from '../types.ts';
import { defineJob, type Job } from './define-job.ts';
import { loadRepoConfig } from './load-repo-config.ts';

const LEASE = 2 * MINUTE;
/** A repository asked for again while it was evaluated waits this long: one evaluation serves many requests. */
const MIN_INTERVAL = SECOND;

/**
 * What a published verdict shows: the release's verdict and, while it is
 * pending, its segment's trend beside it (a later release changes that
 * table). A change to any of it is published; the passing of time alone is
 * not. A decided verdict's section keeps the trend it was finalised with.
 */
function verdictHash({ release, segment }: { release: ReleaseReport; segment: SegmentReport | undefined }): string {
  const shown = release.status === 'pending' ? { release, segment: segment ?? null } : { release };
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex');
}

export type EvaluationStore = StoreSlice<
  'evaluations' | 'repos' | 'facts' | 'states' | 'configs' | 'verdicts' | 'timers'
>;

/**
 * When a release's verdict changes (docs/app.md, "When a verdict is
 * published"): a repository asked for (new facts, a config change, a window
 * closing) is evaluated again from what changed — only the releases whose
 * windows the new facts reach, and the facts inside those windows
 * (docs/kpis.md, "Re-evaluating only what can change") — and the verdicts of
 * the releases its report shows are saved; those that changed then wait for
 * the publishing job. A pending release gets a timer at its window's end.
 * Releases whose window closed before the App knew the repository are
 * history: saved, never published.
 */
export function evaluateRepos({
  store,
  helpers,
  onPublicationDue,
}: {
  store: EvaluationStore;
  helpers: JobHelpers;
  /** Called when verdicts wait to be published (wakes that job). */
  onPublicationDue: () => void;
}): Job<EvaluationRequest> {
  const { clock, worker } = helpers;
  return defineJob({
    name: 'evaluate-repos',
    schedule: { batch: 10, idle: 1000, settle: 15 },
    claim: (limit) => store.evaluations.claim({ worker, now: clock(), lease: LEASE, limit }),
    async perform(requests) {
      const failures: { item: EvaluationRequest; error: string }[] = [];
      let due = false;
      for (const request of requests) {
        try {
          const evaluated = await evaluateRepo({ store, helpers, repo: request.repo });
          due ||= evaluated.due;
          await store.evaluations.release({
            repo: request.repo,
            worker,
            version: request.version,
            soonest: clock() + MIN_INTERVAL,
            ...(evaluated.next === null ? {} : { next: evaluated.next }),
          });
        } catch (error) {
          failures.push({ item: request, error: (error as Error).message });
        }
      }
      if (due) onPublicationDue();
      return failures;
    },
    fail: ({ item, retryAt }) => store.evaluations.release({ repo: item.repo, worker, version: item.version, retryAt }),
    attempts: () => 3,
    describe: (item) => ({ repo: item.repo }),
  });
}

/** The repository's config: read through its installation, else as last stored (the defaults when none was). */
async function configOf({
  store,
  helpers,
  repo,
  installationId,
}: {
  store: EvaluationStore;
  helpers: JobHelpers;
  repo: string;
  installationId: number | null;
}): Promise<Config> {
  if (installationId !== null) {
    const octokit = await helpers.github.installation(installationId);
    return loadRepoConfig({ configs: store.configs, helpers, octokit, repo });
  }
  const stored = (await store.configs.read({ scope: repo })) ?? (await store.configs.read({ scope: orgOf(repo) }));
  return stored ? resolveStoredConfig(stored) : defaultConfig();
}

/**
 * Evaluates one repository again (the engine's reevaluateRepo), saves the
 * evaluation and the verdicts of the releases its report shows. `due`: some
 * wait to be published; `next`: when a fact dated after now (a clock ahead
 * of ours) will count, so the repository is evaluated again then.
 */
async function evaluateRepo({
  store,
  helpers,
  repo,
}: {
  store: EvaluationStore;
  helpers: JobHelpers;
  repo: string;
}): Promise<{ due: boolean; next: number | null }> {
  const record = await store.repos.read({ repo });
  const config = await configOf({ store, helpers, repo, installationId: record?.installationId ?? null });
  const now = helpers.clock();
  const changes = await store.facts.changes({ repo });
  const reevaluation = await reevaluateRepo({
    repo,
    previous: await store.states.read({ repo }),
    changes: changes.groups === 'all' ? 'all' : { groups: changes.groups },
    source: store.facts.source({ repo }),
    config,
    now,
  });
  const report = tallyReport({ evaluations: [reevaluation.evaluation], config, now, repo });
  const knownSince = record?.knownSince ?? now;
  const verdicts: VerdictRecord[] = report.releases.map((release) => {
    const windowEnd = parseInstant(release.windowEnd) ?? now;
    return {
      tag: release.tag,
      hash: verdictHash({ release, segment: report.segments.find((s) => s.name === release.segment) }),
      status: release.status,
      windowEnd,
      body: JSON.stringify(release),
      // history (its window closed before the App knew the repo), and nothing without an installation to publish with
      publish: windowEnd > knownSince && record?.installationId != null,
    };
  });
  const waiting = await store.transaction(async (tx) => {
    await tx.states.save({ org: orgOf(repo), reevaluation });
    await tx.facts.consume({ ids: changes.ids });
    for (const v of verdicts) {
      if (v.status === 'pending') await tx.timers.set({ repo, tag: v.tag, dueAt: v.windowEnd });
      else await tx.timers.clear({ repo, tag: v.tag });
    }
    return tx.verdicts.save({ repo, verdicts, now });
  });
  return { due: waiting.length > 0, next: await store.facts.nextKnownAt({ repo, after: now }) };
}
