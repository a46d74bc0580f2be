import { httpStatus } from '../http-status.ts';
import type { GitHubClient } from '../types.ts';

/** Annotated tags may point at annotated tags; GitHub allows a few levels. */
const MAX_PEEL = 5;

/**
 * The commit a tag points at, peeling annotated tags (`GET …/git/ref/tags/T`,
 * then `GET …/git/tags/SHA` while the object is a tag). null when the tag
 * does not exist (a release of a deleted tag).
 */
export async function resolveTagCommit({
  octokit,
  owner,
  repo,
  tag,
}: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  tag: string;
}): Promise<string | null> {
  let object: { type: string; sha: string };
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      owner,
      repo,
      ref: `tags/${tag}`,
    });
    object = data.object;
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
  for (let depth = 0; object.type === 'tag' && depth < MAX_PEEL; depth++) {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
      owner,
      repo,
      tag_sha: object.sha,
    });
    object = data.object;
  }
  return object.type === 'commit' ? object.sha.toLowerCase() : null;
}
