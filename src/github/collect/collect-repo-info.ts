import type { RepoInfoFact } from '../../events/types.ts';
import type { RepoRef, UnavailablePart } from '../types.ts';
import { fullName } from './full-name.ts';
import { readPart } from './read-part.ts';

/**
 * The repository's topics and custom properties (segments read them).
 * `GET /repos/{owner}/{repo}` carries both on current GitHub; when it has no
 * `custom_properties`, `…/properties/values` is asked.
 */
export async function collectRepoInfo({
  octokit,
  owner,
  repo,
  now,
  unavailable,
}: RepoRef & { unavailable: UnavailablePart[] }): Promise<RepoInfoFact> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
  let properties = (data as { custom_properties?: Record<string, unknown> | null }).custom_properties ?? null;
  if (properties === null) {
    properties = await readPart({
      part: 'custom properties',
      permission: 'metadata: read (custom properties)',
      unavailable,
      fallback: null,
      read: async () => {
        const { data: values } = await octokit.request('GET /repos/{owner}/{repo}/properties/values', { owner, repo });
        return Object.fromEntries(values.map((v) => [v.property_name, v.value]));
      },
    });
  }
  const kept = Object.entries(properties ?? {}).filter(
    (entry): entry is [string, string | string[]] =>
      typeof entry[1] === 'string' || (Array.isArray(entry[1]) && entry[1].every((v) => typeof v === 'string')),
  );
  return {
    type: 'repo-info',
    repo: fullName({ owner, repo }),
    origin: `api:repo:${data.id}`,
    topics: data.topics && data.topics.length > 0 ? data.topics : null,
    customProperties: kept.length > 0 ? Object.fromEntries(kept) : null,
    observedAt: now,
  };
}
