import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Inbox } from '../src/store/index.ts';
import { sendJson } from './routes/send-json.ts';

/** GitHub caps webhook payloads at 25 MB; anything larger is not GitHub's. */
export const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;
/**
 * Most request bodies read at once before their signature is known, and
 * their total size: beyond either, a delivery is answered 503 with
 * Retry-After (GitHub's redelivery, asked for by the App's scan, brings a
 * real one back), so unauthenticated senders cannot make the App hold
 * more than this in memory.
 */
export const MAX_BODIES_IN_FLIGHT = 32;
export const MAX_BYTES_IN_FLIGHT = 64 * 1024 * 1024;
/** Seconds a refused sender is asked to wait. */
const RETRY_AFTER = '5';

const REQUIRED_HEADERS = ['x-github-event', 'x-github-delivery', 'x-hub-signature-256'] as const;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

type Refusal = { status: number; error: string; close?: boolean; retry?: boolean };

function refuse(response: ServerResponse, request: IncomingMessage, refusal: Refusal): true {
  if (refusal.retry) response.setHeader('retry-after', RETRY_AFTER);
  if (refusal.close) {
    // stop reading what is left of the body: the connection ends with the answer
    response.setHeader('connection', 'close');
    response.once('finish', () => request.destroy());
  }
  sendJson({ response, status: refusal.status, body: { error: refusal.error } });
  return true;
}

/**
 * The App's webhook door (the webhook path; docs/app.md, "What happens to a
 * delivery"): a delivery is taken only when the HMAC-SHA256 of its exact
 * bytes with the webhook secret — computed as the body arrives, compared in
 * constant time — equals `X-Hub-Signature-256`, and it is then stored as
 * received (id = `X-GitHub-Delivery`, payload text untouched, not even
 * parsed) before the 200 goes out; the worker parses, locates and processes
 * it afterwards (`onStored` wakes it). Bodies whose signature is not yet
 * known are bounded in number and total bytes (503 + Retry-After beyond).
 * Refusals say what was wrong and store nothing: 400 (missing header, not
 * UTF-8, not a JSON object), 401 (signature), 405, 413 (over GitHub's 25 MB),
 * 415, 503. A stored id, or a payload already stored under another id (a
 * replay: `X-GitHub-Delivery` is not signed), changes nothing. If storing
 * fails the server answers 500 and the redelivery scan asks GitHub for it again.
 */
export function createWebhookHandler({
  path,
  secret,
  inbox,
  clock,
  onStored,
  onAnswered,
  maxBytes = MAX_PAYLOAD_BYTES,
  maxBodies = MAX_BODIES_IN_FLIGHT,
  maxBytesInFlight = MAX_BYTES_IN_FLIGHT,
}: {
  path: string;
  /** The webhook secret (WEBHOOK_SECRET). */
  secret: string;
  inbox: Inbox;
  clock: () => number;
  onStored: () => void;
  /** Told how long (ms, from the request to the answer) each stored delivery's acknowledgement took. */
  onAnswered?: (ms: number) => void;
  maxBytes?: number;
  maxBodies?: number;
  maxBytesInFlight?: number;
}): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  let bodies = 0;
  let bytes = 0;
  const busy = { status: 503, error: 'too many deliveries being received; retry later', close: true, retry: true };

  /** The body's bytes once its HMAC matched, or why not. */
  /**
   * The body's bytes once its HMAC matched, or why not. `declared` bytes
   * (content-length) were reserved when it was admitted; bytes beyond them
   * (a chunked body) count as they arrive.
   */
  const readSigned = (request: IncomingMessage, expected: Buffer, declared: number): Promise<Buffer | Refusal> =>
    new Promise((resolve, reject) => {
      const hmac = createHmac('sha256', secret);
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const release = () => {
        settled = true;
        bytes -= Math.max(size, declared);
      };
      const finish = (result: Buffer | Refusal) => {
        if (settled) return;
        release();
        resolve(result);
      };
      request.on('data', (chunk: Buffer) => {
        if (settled) return;
        const beyond = Math.max(0, size + chunk.length - Math.max(size, declared));
        size += chunk.length;
        bytes += beyond;
        if (size > maxBytes)
          return finish({ status: 413, error: `payload is over the ${maxBytes}-byte limit`, close: true });
        if (bytes > maxBytesInFlight) return finish(busy);
        hmac.update(chunk);
        chunks.push(chunk);
      });
      request.on('end', () => {
        if (settled) return;
        const actual = hmac.digest();
        // joined only once it is signed: a forged body is never copied (its chunks alone count in flight)
        finish(
          size > 0 && timingSafeEqual(actual, expected)
            ? Buffer.concat(chunks, size)
            : { status: 401, error: 'signature does not match event payload and secret' },
        );
      });
      request.on('error', (error) => {
        if (settled) return;
        release();
        reject(error);
      });
    });

  return async (request, response) => {
    const started = performance.now();
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    if ((query === -1 ? url : url.slice(0, query)) !== path) return false;
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return refuse(response, request, {
        status: 405,
        error: `${request.method} is not allowed here: GitHub delivers webhooks with POST`,
      });
    }
    const type = request.headers['content-type'];
    if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) {
      return refuse(response, request, {
        status: 415,
        error: `content-type must be application/json, got ${JSON.stringify(type)}`,
      });
    }
    const missing = REQUIRED_HEADERS.filter((name) => !request.headers[name]);
    if (missing.length > 0) {
      return refuse(response, request, { status: 400, error: `required headers missing: ${missing.join(', ')}` });
    }
    const signature = SIGNATURE.exec(request.headers['x-hub-signature-256'] as string);
    if (!signature) {
      return refuse(response, request, { status: 401, error: 'signature does not match event payload and secret' });
    }
    const length = Number(request.headers['content-length']);
    if (length > maxBytes) {
      return refuse(response, request, {
        status: 413,
        error: `payload of ${length} bytes is over the ${maxBytes}-byte limit`,
        close: true,
      });
    }
    const declared = Number.isFinite(length) && length > 0 ? length : 0;
    if (bodies >= maxBodies || bytes + declared > maxBytesInFlight) return refuse(response, request, busy);
    bodies += 1;
    bytes += declared;
    let read: Buffer | Refusal;
    try {
      read = await readSigned(request, Buffer.from(signature[1]!, 'hex'), declared);
    } finally {
      bodies -= 1;
    }
    if (!Buffer.isBuffer(read)) return refuse(response, request, read);
    let body: string;
    try {
      body = new TextDecoder('utf-8', { fatal: true }).decode(read);
    } catch {
      return refuse(response, request, { status: 400, error: 'payload must be UTF-8 JSON' });
    }
    // not parsed here: the processing job parses (and locates) it; an object is all we ask
    if (!/^\s*\{/.test(body)) return refuse(response, request, { status: 400, error: 'payload must be a JSON object' });
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
    onAnswered?.(performance.now() - started);
    return true;
  };
}
