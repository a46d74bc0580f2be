import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'probot';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<unknown> | unknown;

/**
 * The App's HTTP server: each handler in turn (our routes, then Probot's
 * webhook middleware) until one takes the request; 404 otherwise, 500 with no
 * detail when a handler throws (the error is logged).
 */
export async function startHttpServer({
  handlers,
  port,
  host,
  log,
}: {
  handlers: readonly Handler[];
  port: number;
  host: string | undefined;
  log: Logger;
}): Promise<{ server: Server; port: number }> {
  const server = createServer(async (request, response) => {
    try {
      for (const handler of handlers) {
        if (await handler(request, response)) return;
        if (response.headersSent) return;
      }
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}\n');
    } catch (error) {
      log.error(`${request.method} ${request.url?.split('?')[0]}: ${(error as Error).message}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end('{"error":"internal error"}\n');
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
