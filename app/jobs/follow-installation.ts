import { z } from 'zod';
import type { WebhookDelivery } from '../../src/events/index.ts';
import type { StoreSlices } from '../../src/store/index.ts';
import type { JobHelpers } from '../types.ts';

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
  store,
  helpers,
  delivery,
}: {
  store: Pick<StoreSlices, 'repos' | 'backfills'>;
  helpers: Pick<JobHelpers, 'github' | 'clock' | 'log'>;
  delivery: WebhookDelivery;
}): Promise<string[]> {
  const { name } = delivery;
  if (name !== 'installation' && name !== 'installation_repositories') return [];
  const parsed = installationSchema.safeParse(delivery.payload);
  if (!parsed.success) return [];
  const { action, installation } = parsed.data;
  let repos: string[];
  if (name === 'installation' && action === 'created') {
    repos = (parsed.data.repositories ?? []).map((r) => r.full_name);
    if (parsed.data.repositories == null) {
      const octokit = await helpers.github.installation(installation.id);
      const listed = await octokit.paginate('GET /installation/repositories', { per_page: 100 });
      repos = repoList.parse(listed).map((r) => r.full_name);
    }
  } else if (name === 'installation_repositories' && action === 'added') {
    repos = (parsed.data.repositories_added ?? []).map((r) => r.full_name);
  } else {
    return [];
  }
  const now = helpers.clock();
  await store.repos.register({ repos: repos.map((repo) => ({ repo, installationId: installation.id })), now });
  for (const repo of repos) {
    await store.backfills.enqueue({ repo, installationId: installation.id, now });
  }
  if (repos.length > 0) helpers.log.info({ installation: installation.id, repos: repos.length }, 'backfill queued');
  return repos;
}
