import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'probot';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/** Probes that would fill the log at info: health checks and metric scrapes. */
const QUIET = new Set(['/healthz', '/metrics']);

/**
 * The access log of the App's own routes (dashboard, API, /metrics,
 * /healthz; docs/app.md, "Logs"): one line per request `handler` took, once
 * the answer is sent — method, path and query, status, milliseconds, client
 * address (and `X-Forwarded-For` behind a proxy). Never headers: the bearer
 * token stays out. Server errors log at error, health checks and scrapes
 * that succeed at debug, the rest at info.
 */
export function logAccess({ handler, log }: { handler: Handler; log: Logger }): Handler {
  return async (request, response) => {
    const started = performance.now();
    const taken = await handler(request, response);
    if (!taken) return false;
    const url = request.url ?? '/';
    const record = () => {
      const status = response.statusCode;
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const forwarded = request.headers['x-forwarded-for'];
      const fields = {
        req: {
          method: request.method,
          url,
          remoteAddress: request.socket.remoteAddress,
          ...(forwarded ? { forwardedFor: String(forwarded) } : {}),
        },
        res: { statusCode: status },
        responseTime: ms,
      };
      const message = `${request.method} ${url} ${status} ${ms} ms`;
      if (status >= 500) log.error(fields, message);
      else if (status < 400 && QUIET.has(url.split('?')[0]!)) log.debug(fields, message);
      else log.info(fields, message);
    };
    if (response.writableFinished) record();
    else response.once('finish', record);
    return true;
  };
}
