import { z } from 'zod';
import { orgOf, type StoredDelivery } from '../src/store/index.ts';
import type { AppDeps } from './types.ts';

const CONFIG_PATH = '.github/shipwell.yml';

const pushSchema = z.looseObject({
  ref: z.string(),
  repository: z.looseObject({ full_name: z.string().min(1), name: z.string(), default_branch: z.string().nullish() }),
  commits: z
    .array(
      z.looseObject({
        added: z.array(z.string()).nullish(),
        modified: z.array(z.string()).nullish(),
        removed: z.array(z.string()).nullish(),
      }),
    )
    .nullish(),
});

/**
 * A push to a default branch that touches `.github/shipwell.yml` drops the
 * cached config: of that repository, or of every repository of the org when
 * it is the org's `.github` repository (org defaults). Their releases are
 * re-evaluated (segments and rules follow the new config). Returns the repos.
 */
export async function followConfigPush({ deps, stored }: { deps: AppDeps; stored: StoredDelivery }): Promise<string[]> {
  if (stored.delivery.name !== 'push') return [];
  const parsed = pushSchema.safeParse(stored.delivery.payload);
  if (!parsed.success) return [];
  const { ref, repository, commits } = parsed.data;
  if (!repository.default_branch || ref !== `refs/heads/${repository.default_branch}`) return [];
  const touched = (commits ?? []).some((c) =>
    [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(CONFIG_PATH),
  );
  if (!touched) return [];
  const { store } = deps;
  const repos =
    repository.name === '.github'
      ? (await store.listRepos({ org: orgOf(repository.full_name) })).map((r) => r.repo)
      : [repository.full_name];
  for (const scope of [...repos, orgOf(repository.full_name)]) {
    const cached = await store.readConfig({ scope });
    if (cached) await store.saveConfig({ ...cached, readAt: 0 });
  }
  await store.markReposDirty({ repos, now: deps.clock() });
  deps.log.info({ repos: repos.length }, `${CONFIG_PATH} changed: re-reading config`);
  return repos;
}
