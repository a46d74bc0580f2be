import type { Octokit } from '@octokit/rest';
import type { ResponseSeen } from './types.ts';

type Headers = Record<string, string | number | undefined>;

function headerNumber(headers: Headers | undefined, name: string): number | null {
  const value = Number(headers?.[name] ?? Number.NaN);
  return Number.isFinite(value) ? value : null;
}

function seen(status: number, headers: Headers | undefined): ResponseSeen {
  const reset = headerNumber(headers, 'x-ratelimit-reset');
  return {
    status,
    rateLimitRemaining: headerNumber(headers, 'x-ratelimit-remaining'),
    rateLimitReset: reset === null ? null : reset * 1000,
  };
}

/**
 * Calls `onResponse` for every request the client makes (each page of a list
 * is one), answered or refused: a progress display counts them and reads the
 * rate-limit budget left. A request that got no answer at all (network) is
 * not counted. Works on any Octokit (createOctokit's, Probot's).
 */
export function observeResponses({
  octokit,
  onResponse,
}: {
  octokit: Pick<Octokit, 'hook'>;
  onResponse: (response: ResponseSeen) => void;
}): void {
  octokit.hook.after('request', (response) => {
    onResponse(seen(response.status, response.headers as Headers));
  });
  octokit.hook.error('request', (error) => {
    const { status, response } = error as { status?: number; response?: { status: number; headers: Headers } };
    if (response) onResponse(seen(response.status ?? status ?? 0, response.headers));
    throw error;
  });
}
