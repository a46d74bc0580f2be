import { createHash } from 'node:crypto';
import { type Config, defaultConfig } from '../../src/config/index.ts';
import { type RepoEvaluation, reevaluateRepo, tallyReport } from '../../src/kpi/index.ts';
import type { ReleaseReport, SegmentReport } from '../../src/report/types.ts';
import { orgOf, type StoreSlice, type VerdictRecord } from '../../src/store/index.ts';
import { parseInstant } from '../../src/time/index.ts';
import { resolveStoredConfig } from '../resolve-stored-config.ts';
import type { JobHelpers } from '../types.ts';
import { loadRepoConfig } from './load-repo-config.ts';

/** Evaluations the worker keeps in memory (the most recently evaluated repositories), so it need not read them back. */
const CACHED_EVALUATIONS = 32;

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
export async function evaluateRepo({
  store,
  helpers,
  repo,
  cache,
}: {
  store: EvaluationStore;
  helpers: JobHelpers;
  repo: string;
  /** This worker's latest evaluations, used while the stored one is still the one it saved. */
  cache: Map<string, RepoEvaluation>;
}): Promise<{ due: boolean; next: number | null }> {
  const record = await store.repos.read({ repo });
  const config = await configOf({ store, helpers, repo, installationId: record?.installationId ?? null });
  const now = helpers.clock();
  const changes = await store.facts.changes({ repo });
  const cached = cache.get(repo);
  const previous =
    cached !== undefined && cached.now === (await store.states.evaluatedAt({ repo }))
      ? cached
      : await store.states.read({ repo });
  cache.delete(repo);
  const reevaluation = await reevaluateRepo({
    repo,
    previous,
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
    const saved = await tx.verdicts.save({ repo, verdicts, now });
    // a verdict's timer follows the verdict: set or cleared when it changed; a pending release
    // whose window has closed by now is brought back whatever happened to its timer
    const changed = new Set(saved.changed);
    for (const v of verdicts) {
      if (v.status === 'pending' && (changed.has(v.tag) || v.windowEnd <= now))
        await tx.timers.set({ repo, tag: v.tag, dueAt: v.windowEnd });
      else if (changed.has(v.tag)) await tx.timers.clear({ repo, tag: v.tag });
    }
    for (const tag of saved.removed) await tx.timers.clear({ repo, tag });
    return saved.waiting;
  });
  // committed: this is now the stored evaluation (the oldest cached one makes room)
  cache.set(repo, reevaluation.evaluation);
  if (cache.size > CACHED_EVALUATIONS) cache.delete(cache.keys().next().value!);
  return { due: waiting.length > 0, next: await store.facts.nextKnownAt({ repo, after: now }) };
}
