/** Longest one GitHub API request may take (GitHub itself gives up on a request after 10 s). */
export const GITHUB_REQUEST_TIMEOUT = 20_000;

/**
 * `fetch` for the App's Octokit clients with a time limit per request: a
 * request GitHub never answers fails after `GITHUB_REQUEST_TIMEOUT` ms (and
 * is retried like a 5xx) instead of holding a worker lane for the 5 minutes
 * Node's fetch waits for headers.
 */
export function fetchWithTimeout(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const timeout = AbortSignal.timeout(GITHUB_REQUEST_TIMEOUT);
  return fetch(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
}
