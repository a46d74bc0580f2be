import type { ServerResponse } from 'node:http';
import type { BodyEncoding } from '../dashboard/render-report-view.ts';
import { encodingHeaders } from '../dashboard/send-text.ts';

/** Answers with a JSON body (pretty enough to read with curl). */
export function sendJson({
  response,
  status,
  body,
}: {
  response: ServerResponse;
  status: number;
  body: unknown;
}): void {
  sendJsonText({ response, status, text: `${JSON.stringify(body, null, 2)}\n` });
}

/**
 * Answers with JSON already written (a report rendered on the reader thread,
 * as text or UTF-8 bytes; gzipped for the request's `Accept-Encoding` when
 * `encoding` is `gzip`).
 */
export function sendJsonText({
  response,
  status,
  text,
  encoding,
}: {
  response: ServerResponse;
  status: number;
  text: string | Uint8Array;
  encoding?: BodyEncoding;
}): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...encodingHeaders(encoding),
  });
  response.end(text);
}
