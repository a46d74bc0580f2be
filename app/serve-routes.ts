import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'probot';
import { logAccess } from './log-access.ts';
import { createRouter, type Route } from './routes/index.ts';
import { startHttpServer } from './start-http-server.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/**
 * Where the App answers (docs/app.md, "Routes"). With a dashboard token:
 * one listener (PORT, HOST) for the webhook path and every route, the token
 * required on all but /healthz. Without one: the public listener serves the
 * webhook path and /healthz only, and the dashboard, API and /metrics are
 * served on a second listener bound to 127.0.0.1 (SHIPWELL_DASHBOARD_PORT)
 * that answers only loopback clients naming a loopback Host — so a reverse
 * proxy in front of PORT, or a page using DNS rebinding, never reaches them.
 */
export async function serveRoutes({
  webhooks,
  health,
  routes,
  token,
  port,
  host,
  dashboardPort,
  log,
}: {
  webhooks: Handler;
  /** `/healthz`, open to load balancers on the public listener. */
  health: Route;
  /** The protected routes (API, dashboard, /metrics). */
  routes: readonly Route[];
  token: string | null;
  port: number;
  host: string | undefined;
  dashboardPort: number;
  log: Logger;
}): Promise<{ port: number; dashboardPort: number | null; close(): Promise<void> }> {
  const servers: Server[] = [];
  let local: number | null = null;
  if (token === null) {
    const dashboard = await startHttpServer({
      handlers: [logAccess({ handler: createRouter({ routes: [health, ...routes], token: null }), log })],
      port: dashboardPort,
      host: '127.0.0.1',
      log,
    });
    servers.push(dashboard.server);
    local = dashboard.port;
    log.info(`Shipwell dashboard and API on http://127.0.0.1:${local} (no SHIPWELL_DASHBOARD_TOKEN: loopback only)`);
  }
  const routed = token === null ? [health] : [health, ...routes];
  const main = await startHttpServer({
    handlers: [webhooks, logAccess({ handler: createRouter({ routes: routed, token }), log })],
    port,
    host,
    log,
  });
  servers.push(main.server);
  return {
    port: main.port,
    dashboardPort: local,
    async close() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
