/** `value[key]` when value is a plain object, else undefined. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Which repository (`owner/name`) and org a delivery is about, from its
 * payload: the repository's owner, else the organization, else the
 * installation's account. Nulls when the payload names none. Reads only
 * those fields (it runs on every delivery before it is acknowledged).
 */
export function locateDelivery(payload: unknown): { repo: string | null; org: string | null } {
  const repo = nonEmpty(field(field(payload, 'repository'), 'full_name'));
  const org =
    (repo?.includes('/') ? repo.slice(0, repo.indexOf('/')) : null) ??
    nonEmpty(field(field(payload, 'organization'), 'login')) ??
    nonEmpty(field(field(field(payload, 'installation'), 'account'), 'login'));
  return { repo, org };
}
