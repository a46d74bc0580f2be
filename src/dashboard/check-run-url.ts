/** GitHub's web root, where check runs and Actions runs are shown; GHE users pass theirs. */
export const DEFAULT_GITHUB_URL = 'https://github.com';

const SHA = /^[0-9a-f]{40}$/i;

/**
 * Where a release's check runs are seen: `BASE/OWNER/REPO/commit/SHA/checks`,
 * or the repository's Actions runs page when the release's commit is unknown.
 * Path parts are URL-encoded; the caller still HTML-escapes the result.
 */
export function checkRunUrl({
  baseUrl = DEFAULT_GITHUB_URL,
  repo,
  sha,
}: {
  baseUrl?: string;
  repo: string;
  sha: string | null;
}): string {
  const root = baseUrl.replace(/\/+$/, '');
  const path = repo.split('/').map(encodeURIComponent).join('/');
  return sha !== null && SHA.test(sha)
    ? `${root}/${path}/commit/${sha.toLowerCase()}/checks`
    : `${root}/${path}/actions`;
}
