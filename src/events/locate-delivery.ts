/** `value[key]` when value is a plain object, else undefined. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Where a delivery points: its repository (`owner/name`), org and installation. */
export interface DeliveryTarget {
  repo: string | null;
  org: string | null;
  installationId: number | null;
}

/**
 * Which repository, org and installation a delivery is about, from its
 * payload: the org is the repository's owner, else the organization, else
 * the installation's account. Nulls where the payload names none.
 */
export function locateDelivery(payload: unknown): DeliveryTarget {
  const repo = nonEmpty(field(field(payload, 'repository'), 'full_name'));
  const org =
    (repo?.includes('/') ? repo.slice(0, repo.indexOf('/')) : null) ??
    nonEmpty(field(field(payload, 'organization'), 'login')) ??
    nonEmpty(field(field(field(payload, 'installation'), 'account'), 'login'));
  const installation = field(field(payload, 'installation'), 'id');
  return { repo, org, installationId: typeof installation === 'number' ? installation : null };
}
