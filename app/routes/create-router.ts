import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorizeRequest } from './authorize-request.ts';
import { sendJson } from './send-json.ts';
import type { Route } from './types.ts';

/**
 * Dispatches the App's own routes (exact path and method); protected ones go
 * through authorizeRequest first. Resolves false for any other path, so the
 * caller hands the request on (to Probot's webhook middleware). Add a route
 * by adding it to the table.
 */
export function createRouter({
  routes,
  token,
}: {
  routes: readonly Route[];
  token: string | null;
}): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const matching = routes.filter((route) => route.path === url.pathname);
    if (matching.length === 0) return false;
    const route = matching.find((r) => r.method === request.method);
    if (!route) {
      response.setHeader('allow', matching.map((r) => r.method).join(', '));
      sendJson({ response, status: 405, body: { error: `${request.method} ${url.pathname}: method not allowed` } });
      return true;
    }
    if (route.protected) {
      const denied = authorizeRequest({ request, token });
      if (denied) {
        sendJson({ response, status: denied.status, body: { error: denied.message } });
        return true;
      }
    }
    await route.handle({ request, response, query: url.searchParams });
    return true;
  };
}
