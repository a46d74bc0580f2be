import type { GitHubClient } from '../types.ts';
import { buildHistoryQuery, type HistoryQuery } from './build-history-query.ts';

/** A GraphQL answer's errors, GitHub's words kept (a missing repository, a refused field). */
export class GraphqlError extends Error {
  readonly status: number;
  readonly errors: { message: string; type?: string; path?: (string | number)[] }[];
  constructor(errors: GraphqlError['errors']) {
    super(`GitHub GraphQL: ${errors.map((e) => e.message).join('; ')}`);
    this.name = 'GraphqlError';
    this.errors = errors;
    // FORBIDDEN / NOT_FOUND read as REST's 403 / 404 (readPart lists the part as unavailable)
    const types = new Set(errors.map((e) => e.type));
    this.status = types.has('RATE_LIMITED') ? 429 : types.has('FORBIDDEN') ? 403 : types.has('NOT_FOUND') ? 404 : 502;
  }
}

/**
 * Sends one of the collector's GraphQL documents (buildHistoryQuery) through
 * the client's `request` (`POST /graphql`), so the same hooks see it as a
 * REST call (progress, budget). Partial answers keep their data: errors on
 * one aliased repository (`NOT_FOUND`, `FORBIDDEN`) come back beside the
 * others' data; an answer with no data at all throws GraphqlError.
 */
export async function requestGraphql<T>({
  octokit,
  query: input,
}: {
  octokit: Pick<GitHubClient, 'request'>;
  query: HistoryQuery;
}): Promise<{ data: T; errors: GraphqlError['errors'] }> {
  const { query, variables } = buildHistoryQuery(input);
  // GitHub Enterprise Server answers GraphQL at /api/graphql beside REST's /api/v3
  const baseUrl = octokit.request.endpoint.DEFAULTS.baseUrl.replace(/\/api\/v3\/?$/, '/api');
  const response = await octokit.request('POST /graphql', { baseUrl, query, variables });
  const body = response.data as { data?: T | null; errors?: GraphqlError['errors'] };
  const errors = body.errors ?? [];
  if (body.data === null || body.data === undefined)
    throw new GraphqlError(errors.length > 0 ? errors : [{ message: 'no data' }]);
  return { data: body.data, errors };
}
