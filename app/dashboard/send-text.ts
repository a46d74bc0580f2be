import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { DASHBOARD_CSS } from '../../src/dashboard/index.ts';
import type { BodyEncoding } from './render-report-view.ts';

/**
 * The dashboard's Content-Security-Policy: no script at all, no external
 * asset, only the page's own stylesheet (by hash), forms only to this origin.
 * Escaping is the defence; this is the second line.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  `style-src '${`sha256-${createHash('sha256').update(DASHBOARD_CSS).digest('base64')}`}'`,
  "img-src 'none'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Answers with a text body (HTML, CSV, OpenMetrics) and the headers every
 * dashboard answer carries. `encoding`: the body's bytes were rendered for
 * the request's `Accept-Encoding` (gzipped when it is `gzip`).
 */
export function sendText({
  response,
  status,
  contentType,
  body,
  headers = {},
  encoding,
}: {
  response: ServerResponse;
  status: number;
  contentType: string;
  /** Text, or its UTF-8 bytes. */
  body: string | Uint8Array;
  headers?: Record<string, string>;
  encoding?: BodyEncoding;
}): void {
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(contentType.startsWith('text/html') ? { 'content-security-policy': DASHBOARD_CSP } : {}),
    ...encodingHeaders(encoding),
    ...headers,
  });
  response.end(body);
}

/** The headers of a body rendered for the request's `Accept-Encoding` (none for a body that does not depend on it). */
export function encodingHeaders(encoding: BodyEncoding | undefined): Record<string, string> {
  if (encoding === undefined) return {};
  return { vary: 'accept-encoding', ...(encoding === 'gzip' ? { 'content-encoding': 'gzip' } : {}) };
}
