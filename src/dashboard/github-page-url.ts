import { DEFAULT_GITHUB_URL } from './check-run-url.ts';

/**
 * A page of a repository on GitHub: `BASE/OWNER/REPO/<parts…>`, every part
 * URL-encoded (GHE users pass their `baseUrl`). The caller still
 * HTML-escapes the result.
 */
export function githubPageUrl({
  baseUrl = DEFAULT_GITHUB_URL,
  repo,
  parts,
}: {
  baseUrl?: string | undefined;
  repo: string;
  parts: readonly string[];
}): string {
  const root = baseUrl.replace(/\/+$/, '');
  return [root, ...repo.split('/'), ...parts].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
}
