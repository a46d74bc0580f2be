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
  const text = `${JSON.stringify(body, null, 2)}\n`;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}
