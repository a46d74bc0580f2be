/**
 * The org as the App knows it (GitHub logins compare case-insensitively), or
 * why there is none: an org with no installation and no stored delivery has
 * no report, not an empty one.
 */
export function resolveOrg({
  org,
  orgs,
}: {
  org: string;
  orgs: readonly string[];
}): { org: string } | { error: string } {
  const wanted = org.toLowerCase();
  const found = orgs.find((o) => o.toLowerCase() === wanted);
  if (found !== undefined) return { org: found };
  const known = orgs.length === 0 ? 'none yet' : orgs.join(', ');
  return { error: `org: ${org} has not installed the App and sent no delivery (known orgs: ${known})` };
}
