import { z } from 'zod';
import type { StoredDelivery } from '../src/store/index.ts';
import type { AppDeps } from './types.ts';

const repoList = z.array(z.looseObject({ full_name: z.string().min(1) }));
const installationSchema = z.looseObject({
  action: z.string(),
  installation: z.looseObject({ id: z.number().int() }),
  repositories: repoList.nullish(),
  repositories_added: repoList.nullish(),
});

/**
 * `installation.created` and `installation_repositories.added`: records the
 * repositories with their installation and queues a backfill of each (kept
 * in the database, so a restart resumes them). An installation whose payload
 * lists no repositories (all of an org's) is listed through the API.
 */
export async function followInstallation({
  deps,
  stored,
}: {
  deps: AppDeps;
  stored: StoredDelivery;
}): Promise<string[]> {
  const { name } = stored.delivery;
  if (name !== 'installation' && name !== 'installation_repositories') return [];
  const parsed = installationSchema.safeParse(stored.delivery.payload);
  if (!parsed.success) return [];
  const { action, installation } = parsed.data;
  let repos: string[];
  if (name === 'installation' && action === 'created') {
    repos = (parsed.data.repositories ?? []).map((r) => r.full_name);
    if (parsed.data.repositories == null) {
      const octokit = await deps.github.installation(installation.id);
      const listed = await octokit.paginate('GET /installation/repositories', { per_page: 100 });
      repos = repoList.parse(listed).map((r) => r.full_name);
    }
  } else if (name === 'installation_repositories' && action === 'added') {
    repos = (parsed.data.repositories_added ?? []).map((r) => r.full_name);
  } else {
    return [];
  }
  const now = deps.clock();
  for (const repo of repos) {
    await deps.store.upsertRepo({ repo, installationId: installation.id, now });
    await deps.store.enqueueBackfill({ repo, installationId: installation.id, now });
  }
  if (repos.length > 0) deps.log.info({ installation: installation.id, repos: repos.length }, 'backfill queued');
  return repos;
}
