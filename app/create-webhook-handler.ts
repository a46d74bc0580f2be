import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Inbox } from '../src/store/index.ts';
import { sendJson } from './routes/send-json.ts';

/** GitHub caps webhook payloads at 25 MB; anything larger is not GitHub's. */
export const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

const REQUIRED_HEADERS = ['x-github-event', 'x-github-delivery', 'x-hub-signature-256'] as const;

/** The body as text, or null once it passed `limit` bytes (the rest is read and dropped). */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks, size).toString('utf8')));
    request.on('error', reject);
  });
}

function refuse(response: ServerResponse, status: number, error: string): true {
  sendJson({ response, status, body: { error } });
  return true;
}

/**
 * The App's webhook door (Probot's webhook path): a delivery is taken only
 * when Probot's verifier (`probot.webhooks.verify`, the HMAC-SHA256 of
 * `X-Hub-Signature-256` with the webhook secret) accepts its exact bytes,
 * and is then stored as received — id = `X-GitHub-Delivery`, payload text
 * untouched, not even parsed — before the 200 goes out; the worker parses,
 * locates and processes it afterwards (`onStored` wakes it; a payload that
 * is not JSON fails there, visibly). Refusals say what was wrong and store
 * nothing: 400 (missing header, not a JSON object), 401 (signature), 405,
 * 413 (over GitHub's 25 MB), 415. A redelivery of a stored id changes nothing. If storing fails the
 * server answers 500 and the redelivery scan asks GitHub for it again.
 *
 * Probot's own middleware is not on this path: it parses every payload and
 * builds an authenticated context per delivery for handlers the App does
 * not have (processing reads the store, not Probot events), which together
 * cost more than storing the delivery.
 */
export function createWebhookHandler({
  path,
  verify,
  inbox,
  clock,
  onStored,
  maxBytes = MAX_PAYLOAD_BYTES,
}: {
  path: string;
  verify: (payload: string, signature: string) => Promise<boolean>;
  inbox: Inbox;
  clock: () => number;
  onStored: () => void;
  maxBytes?: number;
}): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  return async (request, response) => {
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    if ((query === -1 ? url : url.slice(0, query)) !== path) return false;
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return refuse(response, 405, `${request.method} is not allowed here: GitHub delivers webhooks with POST`);
    }
    const type = request.headers['content-type'];
    if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) {
      return refuse(response, 415, `content-type must be application/json, got ${JSON.stringify(type)}`);
    }
    const missing = REQUIRED_HEADERS.filter((name) => !request.headers[name]);
    if (missing.length > 0) return refuse(response, 400, `required headers missing: ${missing.join(', ')}`);
    const length = Number(request.headers['content-length']);
    if (length > maxBytes) {
      response.setHeader('connection', 'close');
      return refuse(response, 413, `payload of ${length} bytes is over the ${maxBytes}-byte limit`);
    }
    const body = await readBody(request, maxBytes);
    if (body === null) return refuse(response, 413, `payload is over the ${maxBytes}-byte limit`);
    const signature = request.headers['x-hub-signature-256'] as string;
    if (body === '' || !(await verify(body, signature).catch(() => false))) {
      return refuse(response, 401, 'signature does not match event payload and secret');
    }
    // not parsed here: the worker parses (and locates) it; an object is all we ask
    if (!/^\s*\{/.test(body)) return refuse(response, 400, 'payload must be a JSON object');
    const receivedAt = clock();
    const stored = await inbox.record({
      id: request.headers['x-github-delivery'] as string,
      name: request.headers['x-github-event'] as string,
      at: new Date(receivedAt).toISOString(),
      payloadText: body,
      receivedAt,
    });
    if (stored) onStored();
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok\n');
    return true;
  };
}
