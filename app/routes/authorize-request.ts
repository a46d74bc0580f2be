import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Who may read the dashboard and API. With SHIPWELL_DASHBOARD_TOKEN set:
 * `Authorization: Bearer <token>` (compared in constant time) → allowed,
 * anything else 401. Without it (the routes are then served on a listener
 * bound to 127.0.0.1 only, docs/app.md "Routes"): only loopback clients
 * naming a loopback Host (`localhost`, `127.0.0.1`, `[::1]`: no DNS
 * rebinding), not forwarded by a proxy (`X-Forwarded-For`, `Forwarded`) →
 * others 403. Returns null when
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
  // a page on another site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own Host
  const loopbackHost = LOOPBACK_HOST.test(request.headers.host ?? '');
  if (!forwarded && loopbackHost && LOOPBACK.has(request.socket.remoteAddress ?? '')) return null;
  return {
    status: 403,
    message:
      'Shipwell API: without SHIPWELL_DASHBOARD_TOKEN only loopback clients are answered (Host localhost, 127.0.0.1 or [::1], not through a proxy); set the token on the App and send `Authorization: Bearer <token>`',
  };
}
