import * as http from 'node:http';

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * Sends every request of this process (fetch, so every Octokit) through the
 * proxy the environment names, as curl and @actions/http-client do:
 * `HTTPS_PROXY`/`HTTP_PROXY` (lowercase too), with `NO_PROXY` hosts going
 * direct (docs/operations.md, "Behind a proxy"). Node's own switch
 * (`NODE_USE_ENV_PROXY`) is not needed. Returns `none` when no proxy is set,
 * `unsupported` when this Node has no built-in proxy support (older than
 * 24.14): requests then go direct and the caller says so.
 */
export function useEnvProxy(env: NodeJS.ProcessEnv): 'none' | 'proxy' | 'unsupported' {
  if (!PROXY_VARIABLES.some((name) => env[name]?.trim())) return 'none';
  if (typeof http.setGlobalProxyFromEnv !== 'function') return 'unsupported';
  http.setGlobalProxyFromEnv(env);
  return 'proxy';
}
