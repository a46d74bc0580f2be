import type { Octokit } from '@octokit/rest';
import { httpStatus } from './http-status.ts';

/** Answers kept for conditional requests, by method and URL; the caller owns it (one per installation or run). */
export type ConditionalCache = Map<string, { etag: string; response: unknown }>;

const MAX_ENTRIES = 2_000;

/**
 * Re-reads cost nothing when nothing changed (docs/app.md, "The first
 * hour"): a GET whose answer is in `cache` is sent with `If-None-Match`, and
 * GitHub's 304 — which does not count against the rate limit — is answered
 * from the cache. Register it after useRateBudget so the budget sees the 304.
 * The cache keeps at most 2,000 answers, dropping the oldest.
 */
export function useConditionalRequests({
  octokit,
  cache,
}: {
  octokit: Pick<Octokit, 'hook'>;
  cache: ConditionalCache;
}): void {
  octokit.hook.wrap('request', async (request, options) => {
    if (options.method !== 'GET') return request(options);
    const { request: _ignored, ...rest } = options as typeof options & { request?: unknown };
    const key = `${options.url} ${JSON.stringify(rest)}`;
    const cached = cache.get(key);
    // the hook chain passes `options` itself on: the header is set on it
    if (cached) options.headers = { ...options.headers, 'if-none-match': cached.etag };
    try {
      const response = await request(options);
      const etag = (response.headers as Record<string, string | undefined>).etag;
      if (etag) {
        cache.delete(key);
        cache.set(key, { etag, response });
        if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      }
      return response;
    } catch (error) {
      if (cached && httpStatus(error) === 304) return cached.response as Awaited<ReturnType<typeof request>>;
      throw error;
    }
  });
}
