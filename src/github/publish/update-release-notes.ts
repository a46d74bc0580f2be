import type { Config } from '../../config/types.ts';
import type { GitHubClient } from '../types.ts';
import { SECTION_END, SECTION_START, spliceReleaseSection } from './splice-release-section.ts';
import { writeOrExplain } from './write-or-explain.ts';

/** GitHub's limit for a release body, in characters. */
export const RELEASE_BODY_LIMIT = 125_000;

/**
 * Replaces Shipwell's section at the end of the release body (between
 * `<!-- shipwell:kpis:start -->` and `<!-- shipwell:kpis:end -->`; appended
 * when absent). `section` is the Markdown, or a function given the room left
 * (characters) that renders within it — the body must stay ≤ 125,000
 * characters. Returns true when the body was changed; an unchanged body is
 * not written. Skipped (false) when `publish.releaseNotes` is off. A
 * read-only token → ReadOnlyTokenError.
 */
export async function updateReleaseNotes({
  octokit,
  owner,
  repo,
  tag,
  section,
  config = { publish: { releaseNotes: true } },
}: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  tag: string;
  section: string | ((room: number) => string);
  config?: { publish: Pick<Config['publish'], 'releaseNotes'> };
}): Promise<boolean> {
  if (!config.publish.releaseNotes) return false;
  const { data: release } = await octokit.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
    owner,
    repo,
    tag,
  });
  const body = release.body ?? '';
  const outside = spliceReleaseSection(body, '').length - `${SECTION_START}\n\n${SECTION_END}`.length;
  const room = Math.max(0, RELEASE_BODY_LIMIT - outside - `${SECTION_START}\n\n${SECTION_END}`.length - 4);
  const text = typeof section === 'function' ? section(room) : section;
  if (text.length > room) {
    throw new RangeError(
      `release ${tag}: the KPI section has ${text.length} characters, only ${room} fit in the 125,000-character body`,
    );
  }
  const next = spliceReleaseSection(body, text);
  if (next === body) return false;
  const route = 'PATCH /repos/{owner}/{repo}/releases/{release_id}';
  await writeOrExplain({
    route,
    write: () => octokit.request(route, { owner, repo, release_id: release.id, body: next }),
  });
  return true;
}
