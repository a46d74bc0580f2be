import { httpStatus } from '../http-status.ts';
import type { GitHubClient } from '../types.ts';

/**
 * The custom property values of every repository of an organisation
 * (`GET /orgs/{org}/properties/values`, 100 repositories a page), by
 * lower-case `owner/name`; string and string-list values only, null for a
 * repository with none. null when the list cannot be read (a user account,
 * or a token without the organisation's custom-properties permission): the
 * caller then reads each repository (collectRepoInfo).
 */
export async function readOrgProperties({
  octokit,
  org,
}: {
  octokit: GitHubClient;
  org: string;
}): Promise<Map<string, Record<string, string | string[]> | null> | null> {
  try {
    const list = await octokit.paginate('GET /orgs/{org}/properties/values', { org, per_page: 100 });
    return new Map(
      list.map((entry) => {
        const kept = entry.properties.filter(
          (p): p is { property_name: string; value: string | string[] } =>
            typeof p.value === 'string' || (Array.isArray(p.value) && p.value.every((v) => typeof v === 'string')),
        );
        return [
          entry.repository_full_name.toLowerCase(),
          kept.length > 0 ? Object.fromEntries(kept.map((p) => [p.property_name, p.value])) : null,
        ];
      }),
    );
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 404) return null;
    throw error;
  }
}
