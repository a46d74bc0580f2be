import type { Fact } from '../../events/types.ts';
import type { RepoRef } from '../types.ts';
import { factsFromPayload } from './facts-from-payload.ts';
import { fullName } from './full-name.ts';
import { resolveTagCommit } from './resolve-tag-commit.ts';
import { timeOf } from './time-of.ts';

const SHA = /^[0-9a-f]{40}$/i;

/** A published release the horizon needs: its commit is resolved (check runs are read there). */
export interface CollectedRelease {
  tag: string;
  publishedAt: number;
  sha: string | null;
}

/**
 * Releases, newest first (`GET …/releases`, sorted by creation): paging stops
 * after the first page whose releases were all created and published before
 * `since`. Drafts are skipped (they never count). Each release published since
 * the horizon gets its commit: `target_commitish` when it is a sha, else the
 * tag resolved through the git refs API, peeling annotated tags.
 */
export async function collectReleases({
  octokit,
  owner,
  repo,
  since,
}: RepoRef): Promise<{ facts: Fact[]; releases: CollectedRelease[] }> {
  const list = await octokit.paginate(
    'GET /repos/{owner}/{repo}/releases',
    { owner, repo, per_page: 100 },
    (response, done) => {
      const old = (text: string | null | undefined) => (timeOf(text) ?? Number.NEGATIVE_INFINITY) < since;
      if (response.data.every((r) => old(r.created_at) && old(r.published_at))) done();
      return response.data;
    },
  );
  const repository = { full_name: fullName({ owner, repo }) };
  const facts: Fact[] = [];
  const releases: CollectedRelease[] = [];
  for (const release of list) {
    const publishedAt = timeOf(release.published_at);
    if (release.draft || publishedAt === null) continue;
    facts.push(
      ...factsFromPayload({
        id: `api:release:${release.id}`,
        name: 'release',
        payload: { action: 'published', repository, release },
      }),
    );
    if (publishedAt < since) continue;
    let sha: string | null = SHA.test(release.target_commitish) ? release.target_commitish.toLowerCase() : null;
    if (sha === null) {
      sha = await resolveTagCommit({ octokit, owner, repo, tag: release.tag_name });
      if (sha !== null) {
        facts.push({
          type: 'release-sha',
          repo: repository.full_name,
          origin: `api:tag:${release.tag_name}`,
          tag: release.tag_name,
          sha,
          via: 'api',
        });
      }
    }
    releases.push({ tag: release.tag_name, publishedAt, sha });
  }
  return { facts, releases };
}
