import type { ServerResponse } from 'node:http';

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

/** Answers with JSON already written (a report rendered on the reader thread, as text or UTF-8 bytes). */
export function sendJsonText({
  response,
  status,
  text,
}: {
  response: ServerResponse;
  status: number;
  text: string | Uint8Array;
}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}
