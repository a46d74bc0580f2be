import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

/** Where Octokit logs; `console` fits, the Action passes @actions/core's functions. */
export interface OctokitLog {
  debug: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

const RetryingOctokit = Octokit.plugin(retry, throttling);

const SILENT: OctokitLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * The one Octokit factory: @octokit/rest with retry and throttling (primary
 * limit: wait and retry up to twice; secondary limit: wait once). Tests turn
 * both off and pass `fetch: globalThis.fetch` so nock sees the requests.
 */
export function createOctokit({
  auth,
  baseUrl,
  fetch,
  retries = true,
  throttle = true,
  log = SILENT,
  userAgent = 'shipwell',
}: {
  auth?: string | undefined;
  baseUrl?: string | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  retries?: boolean;
  throttle?: boolean;
  log?: OctokitLog;
  userAgent?: string;
}): Octokit {
  return new RetryingOctokit({
    ...(auth ? { auth } : {}),
    ...(baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}),
    ...(fetch ? { request: { fetch } } : {}),
    userAgent,
    log,
    retry: { enabled: retries },
    throttle: throttle
      ? {
          enabled: true,
          onRateLimit: (retryAfter, options, _octokit, retryCount) => {
            log.warn(`rate limit on ${options.method} ${options.url}: retrying in ${retryAfter} s`);
            return retryCount < 2;
          },
          onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
            log.warn(`secondary rate limit on ${options.method} ${options.url}: retrying in ${retryAfter} s`);
            return retryCount < 1;
          },
        }
      : { enabled: false },
  }) as Octokit;
}
