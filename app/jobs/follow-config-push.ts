import { z } from 'zod';
import type { WebhookDelivery } from '../../src/events/index.ts';
import { orgOf, type StoreSlices } from '../../src/store/index.ts';
import type { JobHelpers } from '../types.ts';

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
 * it is the org's `.github` repository (org defaults). Returns the repos whose
 * releases must be evaluated again (segments and rules follow the new config):
 * the caller asks for it with the batch's commit.
 */
export async function followConfigPush({
  store,
  helpers,
  delivery,
}: {
  store: Pick<StoreSlices, 'repos' | 'configs'>;
  helpers: Pick<JobHelpers, 'log'>;
  delivery: WebhookDelivery;
}): Promise<string[]> {
  if (delivery.name !== 'push') return [];
  const parsed = pushSchema.safeParse(delivery.payload);
  if (!parsed.success) return [];
  const { ref, repository, commits } = parsed.data;
  if (!repository.default_branch || ref !== `refs/heads/${repository.default_branch}`) return [];
  const touched = (commits ?? []).some((c) =>
    [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(CONFIG_PATH),
  );
  if (!touched) return [];
  const repos =
    repository.name === '.github'
      ? (await store.repos.list({ org: orgOf(repository.full_name) })).map((r) => r.repo)
      : [repository.full_name];
  await store.configs.forget({ scopes: [...repos, orgOf(repository.full_name)] });
  helpers.log.info({ repos: repos.length }, `${CONFIG_PATH} changed: re-reading config`);
  return repos;
}
