import { z } from 'zod';

const located = z.looseObject({
  repository: z
    .looseObject({ full_name: z.string().min(1) })
    .nullish()
    .catch(null),
  organization: z
    .looseObject({ login: z.string().min(1) })
    .nullish()
    .catch(null),
  installation: z
    .looseObject({
      account: z
        .looseObject({ login: z.string().min(1) })
        .nullish()
        .catch(null),
    })
    .nullish()
    .catch(null),
});

/**
 * Which repository (`owner/name`) and org a delivery is about, from its
 * payload: the repository's owner, else the organization, else the
 * installation's account. Nulls when the payload names none.
 */
export function locateDelivery(payload: unknown): { repo: string | null; org: string | null } {
  const parsed = located.safeParse(payload);
  if (!parsed.success) return { repo: null, org: null };
  const repo = parsed.data.repository?.full_name ?? null;
  const org =
    (repo?.includes('/') ? repo.slice(0, repo.indexOf('/')) : null) ??
    parsed.data.organization?.login ??
    parsed.data.installation?.account?.login ??
    null;
  return { repo, org };
}
