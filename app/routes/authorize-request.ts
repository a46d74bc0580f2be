import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Who may read the dashboard and API. With SHIPWELL_DASHBOARD_TOKEN set:
 * `Authorization: Bearer <token>` (compared in constant time) → allowed,
 * anything else 401. Without it: only loopback clients (a request forwarded by
 * a proxy, `X-Forwarded-For`, is not loopback) → others 403. Returns null when
 * allowed, else the status and a body saying what to do.
 */
export function authorizeRequest({
  request,
  token,
}: {
  request: Pick<IncomingMessage, 'headers' | 'socket'>;
  token: string | null;
}): { status: 401 | 403; message: string } | null {
  if (token !== null) {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (match?.[1] && timingSafeEqual(digest(match[1]), digest(token))) return null;
    return { status: 401, message: 'Shipwell API: send `Authorization: Bearer <SHIPWELL_DASHBOARD_TOKEN>`' };
  }
  const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  if (!forwarded && LOOPBACK.has(request.socket.remoteAddress ?? '')) return null;
  return {
    status: 403,
    message:
      'Shipwell API: without SHIPWELL_DASHBOARD_TOKEN only loopback clients are answered; set the token on the App and send `Authorization: Bearer <token>`',
  };
}
