// The App's webhook door (app/create-webhook-handler.ts) on a real HTTP
// server and a real SQLite store: what it
// refuses (and that a refusal stores nothing), and that what it takes is
// stored byte for byte as it was sent.

import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookHandler } from '../../app/create-webhook-handler.ts';
import { applyMigrations, createStore, openSqlite, type SqlDatabase, type Store } from '../../src/store/index.ts';
import { findDelivery } from '../store/find-delivery.ts';
import { sign } from './signed-delivery.ts';

const SECRET = 'handler-test-secret';
const PATH = '/api/github/webhooks';
const NOW = Date.parse('2026-05-04T03:02:01.000Z');

interface Door {
  url: string;
  store: Store;
  db: SqlDatabase;
  /** How many times `onStored` was called. */
  stored: () => number;
  /** What the handler returned for each request, in order. */
  returned: boolean[];
  /** How long each acknowledgement took, as the handler told `onAnswered` (ms). */
  answered: number[];
  close(): Promise<void>;
}

const doors: Door[] = [];
afterAll(async () => {
  for (const door of doors.splice(0)) await door.close();
});

async function openDoor({
  maxBytes,
  maxBodies,
  maxBytesInFlight,
}: {
  maxBytes?: number;
  maxBodies?: number;
  maxBytesInFlight?: number;
} = {}): Promise<Door> {
  const db = openSqlite({ database: new DatabaseSync(':memory:') });
  await applyMigrations({ db, now: 0 });
  const store = createStore({ db });
  let stored = 0;
  const returned: boolean[] = [];
  const answered: number[] = [];
  const handle = createWebhookHandler({
    path: PATH,
    secret: SECRET,
    inbox: store.inbox,
    clock: () => NOW,
    onStored: () => {
      stored += 1;
    },
    onAnswered: (ms) => answered.push(ms),
    ...(maxBytes === undefined ? {} : { maxBytes }),
    ...(maxBodies === undefined ? {} : { maxBodies }),
    ...(maxBytesInFlight === undefined ? {} : { maxBytesInFlight }),
  });
  const server: Server = createServer((req, res) => {
    handle(req, res).then(
      (handled) => {
        returned.push(handled);
        if (!handled) res.writeHead(404, { 'content-type': 'text/plain' }).end('not the webhook path\n');
      },
      (error: Error) => {
        res.writeHead(500).end(error.message);
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const door: Door = {
    url: `http://127.0.0.1:${port}`,
    store,
    db,
    stored: () => stored,
    returned,
    answered,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
  doors.push(door);
  return door;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * A request exactly as given: headers verbatim (nothing added but `host`, and
 * `content-length` unless `chunks` is given: then the body goes out chunked).
 */
function send({
  url,
  method = 'POST',
  path = PATH,
  headers = {},
  body,
  chunks,
}: {
  url: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  chunks?: (string | Buffer)[];
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const all: Record<string, string> = { ...headers };
    if (body !== undefined && chunks === undefined && all['content-length'] === undefined) {
      all['content-length'] = String(Buffer.byteLength(body));
    }
    const req = httpRequest(`${url}${path}`, { method, headers: all, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString('utf8') }),
      );
      res.on('error', reject);
    });
    // the server may answer (413) and close before the whole body is out
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (chunks !== undefined) {
      void (async () => {
        for (const chunk of chunks) {
          if (req.destroyed) return;
          req.write(chunk);
          await new Promise((r) => setTimeout(r, 5));
        }
        req.end();
      })();
    } else {
      req.end(body);
    }
  });
}

/** GitHub's headers for a body: event, delivery id, the body's signature, JSON. */
function github(body: string | Buffer, id: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-github-event': 'push',
    'x-github-delivery': id,
    'x-hub-signature-256': sign({ body, secret: SECRET }),
    'user-agent': 'GitHub-Hookshot/test',
    ...extra,
  };
}

const BODY = JSON.stringify({ ref: 'refs/heads/main', installation: { id: 7 } });

async function deliveryCount(db: SqlDatabase): Promise<number> {
  const [deliveries] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM deliveries');
  const [payloads] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM delivery_payloads');
  return Number(deliveries?.n) + Number(payloads?.n);
}

async function storedText(db: SqlDatabase, id: string): Promise<string | undefined> {
  const rows = await db.query<{ payload: string }>('SELECT payload FROM delivery_payloads WHERE id = $1', [id]);
  return rows[0]?.payload;
}

function errorOf(answer: Answer): string {
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(answer.text) as { error?: unknown };
  expect(typeof body.error).toBe('string');
  return body.error as string;
}

describe('createWebhookHandler refuses, and stores nothing', () => {
  let door: Door;
  beforeEach(async () => {
    door = await openDoor();
  });

  const expectNothingStored = async () => {
    expect(await deliveryCount(door.db)).toBe(0);
    expect(door.stored()).toBe(0);
    // a refusal is not an acknowledgement: it tells the threads behind the door nothing
    expect(door.answered).toEqual([]);
  };

  it('405 with allow: POST for any other method', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await send({
        url: door.url,
        method,
        headers: github(BODY, `m-${method}`),
        ...(method === 'GET' ? {} : { body: BODY }),
      });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('POST');
      expect(errorOf(answer)).toContain(method);
    }
    expect(door.returned).toEqual([true, true, true]);
    await expectNothingStored();
  });

  it('415 for a content-type that is not JSON (GitHub can be set to send form-encoded payloads)', async () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'application/jsonp',
      'multipart/form-data',
    ]) {
      const answer = await send({
        url: door.url,
        headers: github(BODY, `t-${type}`, { 'content-type': type }),
        body: BODY,
      });
      expect(answer.status).toBe(415);
      expect(errorOf(answer)).toContain(type);
    }
    await expectNothingStored();
  });

  it('400 naming each missing GitHub header', async () => {
    const names = ['x-github-event', 'x-github-delivery', 'x-hub-signature-256'];
    for (const name of names) {
      const headers = github(BODY, 'missing-1');
      delete headers[name];
      const answer = await send({ url: door.url, headers, body: BODY });
      expect(answer.status).toBe(400);
      const error = errorOf(answer);
      expect(error).toContain(name);
      for (const other of names.filter((n) => n !== name)) expect(error).not.toContain(other);
    }
    const answer = await send({ url: door.url, headers: { 'content-type': 'application/json' }, body: BODY });
    expect(answer.status).toBe(400);
    for (const name of names) expect(errorOf(answer)).toContain(name);
    await expectNothingStored();
  });

  it('401 when the signature is wrong, made with another secret, of another body, malformed, or the body is empty', async () => {
    const signatures = [
      `sha256=${'0'.repeat(64)}`,
      sign({ body: BODY, secret: 'not-the-secret' }),
      sign({ body: `${BODY} `, secret: SECRET }),
      sign({ body: BODY, secret: SECRET }).replace('sha256=', 'sha1='),
      'garbage',
    ];
    for (const [i, signature] of signatures.entries()) {
      const answer = await send({
        url: door.url,
        headers: github(BODY, `sig-${i}`, { 'x-hub-signature-256': signature }),
        body: BODY,
      });
      expect(answer.status).toBe(401);
      expect(errorOf(answer)).toMatch(/signature/);
    }
    const empty = await send({ url: door.url, headers: github('', 'empty-1'), body: '' });
    expect(empty.status).toBe(401);
    await expectNothingStored();
  });

  it('verifies the exact bytes: two bodies with one UTF-8 decoding never share a signature', async () => {
    // 0xff and 0xfe both decode to U+FFFD: a verifier over the decoded text took either under one signature
    const signed = Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    const other = Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xfe]), Buffer.from('"}')]);
    const answer = await send({ url: door.url, headers: github(signed, 'bytes-1'), body: other });
    expect(answer.status).toBe(401);
    // and a body that is not UTF-8 at all is no GitHub payload, even when signed right
    const notUtf8 = await send({ url: door.url, headers: github(signed, 'bytes-2'), body: signed });
    expect(notUtf8.status).toBe(400);
    expect(errorOf(notUtf8)).toMatch(/UTF-8/);
    await expectNothingStored();
  });

  it('400 when a correctly signed body is not a JSON object', async () => {
    for (const [i, body] of ['[{"a":1}]', '"text"', '42', 'null', 'ref=refs%2Fheads%2Fmain', '\n  ["{"]'].entries()) {
      const answer = await send({ url: door.url, headers: github(body, `shape-${i}`), body });
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatch(/JSON object/);
    }
    await expectNothingStored();
  });

  it('413 by content-length, before reading the body', async () => {
    const small = await openDoor({ maxBytes: 64 });
    const body = JSON.stringify({ padding: 'x'.repeat(100) });
    const answer = await send({ url: small.url, headers: github(body, 'big-1'), body });
    expect(answer.status).toBe(413);
    expect(errorOf(answer)).toContain(String(Buffer.byteLength(body)));
    expect(errorOf(answer)).toContain('64');
    expect(await deliveryCount(small.db)).toBe(0);
    expect(small.stored()).toBe(0);
  });

  it('413 for a chunked body (no content-length) that passes the limit as it streams', async () => {
    const small = await openDoor({ maxBytes: 64 });
    const body = JSON.stringify({ padding: 'x'.repeat(100) });
    const chunks = [body.slice(0, 30), body.slice(30, 60), body.slice(60)];
    const answer = await send({ url: small.url, headers: github(body, 'big-chunked-1'), chunks });
    expect(answer.status).toBe(413);
    expect(errorOf(answer)).toContain('64');
    expect(await deliveryCount(small.db)).toBe(0);
    expect(small.stored()).toBe(0);
    // the limit is on bytes: exactly maxBytes, chunked, is taken
    const exact = JSON.stringify({ p: 'y'.repeat(64 - 8) });
    expect(Buffer.byteLength(exact)).toBe(64);
    const over = JSON.stringify({ p: 'y'.repeat(64 - 8 + 1) });
    const refused = await send({
      url: small.url,
      headers: github(over, 'over-chunked-1'),
      chunks: [over.slice(0, 40), over.slice(40)],
    });
    expect(refused.status).toBe(413);
    expect(await storedText(small.db, 'over-chunked-1')).toBeUndefined();
    const taken = await send({
      url: small.url,
      headers: github(exact, 'exact-chunked-1'),
      chunks: [exact.slice(0, 40), exact.slice(40)],
    });
    expect(taken.status).toBe(200);
    expect(await storedText(small.db, 'exact-chunked-1')).toBe(exact);
  });
});

describe('createWebhookHandler takes a signed delivery', () => {
  let door: Door;
  beforeEach(async () => {
    door = await openDoor();
  });

  it('stores the payload text byte for byte as sent, before answering 200 ok', async () => {
    // what JSON.parse + JSON.stringify would change: whitespace, key order, escapes, number forms, duplicates
    const body =
      '  {\r\n\t"zeta" : 1.50e+2 ,\n  "alpha":"caf\u00e9 \\u00e9 \u{1F6A2} \\ud83d\\udea2 \u2028",' +
      '"ref": "refs/heads/m\\u0061in", "\\/": [ ], "dup": 1, "dup": 2, "n": -0.0,' +
      ' "installation" : { "id" : 7 } , "big": 12345678901234567890 }\n\n';
    expect(JSON.stringify(JSON.parse(body))).not.toBe(body);
    const answer = await send({ url: door.url, headers: github(body, 'exact-1'), body });
    expect(answer.status).toBe(200);
    expect(answer.text.trim()).toBe('ok');
    expect(door.returned).toEqual([true]);
    const text = await storedText(door.db, 'exact-1');
    expect(text).toBe(body);
    expect(Buffer.from(text ?? '', 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(door.stored()).toBe(1);
    // how long it took, from the request to the answer, is told once (app/threads/give-way.ts listens)
    expect(door.answered).toHaveLength(1);
    expect(door.answered[0]).toBeGreaterThan(0);
    expect(door.answered[0]).toBeLessThan(10_000);

    const stored = await findDelivery(door.store, 'exact-1');
    expect(stored).toMatchObject({
      id: 'exact-1',
      name: 'push',
      at: new Date(NOW).toISOString(),
      receivedAt: NOW,
      status: 'pending',
      attempts: 0,
    });
    const [claimed] = await door.store.deliveries.claim({ worker: 'w', now: NOW, lease: 1000, limit: 1 });
    expect(claimed?.delivery.payload).toEqual(JSON.parse(body));
  });

  it('a multi-byte character split across chunks arrives whole', async () => {
    const body = '{"name":"\u{1F6A2}\u00e9\u4e16"}';
    const bytes = Buffer.from(body, 'utf8');
    const cut = bytes.indexOf(0xf0) + 2; // inside the 4-byte ship
    const answer = await send({
      url: door.url,
      headers: github(body, 'split-1'),
      chunks: [bytes.subarray(0, cut), bytes.subarray(cut, cut + 3), bytes.subarray(cut + 3)],
    });
    expect(answer.status).toBe(200);
    expect(await storedText(door.db, 'split-1')).toBe(body);
  });

  it('takes application/json with a charset, and no content-type at all', async () => {
    const a = await send({
      url: door.url,
      headers: github(BODY, 'charset-1', { 'content-type': 'application/json; charset=utf-8' }),
      body: BODY,
    });
    expect(a.status).toBe(200);
    const other = BODY.replace('}', ',"n":2}'); // another payload: the same one under a new id is a replay
    const headers = github(other, 'untyped-1');
    delete headers['content-type'];
    const b = await send({ url: door.url, headers, body: other });
    expect(b.status).toBe(200);
    expect(await door.store.redeliveries.storedIds({ ids: ['charset-1', 'untyped-1'] })).toEqual(
      new Set(['charset-1', 'untyped-1']),
    );
  });

  it('a body that starts with { but is not JSON is taken (the worker fails it, visibly)', async () => {
    const body = '{"ref": "refs/heads/main", oops';
    const answer = await send({ url: door.url, headers: github(body, 'broken-1'), body });
    expect(answer.status).toBe(200);
    expect(await storedText(door.db, 'broken-1')).toBe(body);
    const [claimed] = await door.store.deliveries.claim({ worker: 'w', now: NOW, lease: 1000, limit: 10 });
    expect(claimed?.delivery.payload).toBeNull();
    expect(claimed?.unreadable).toMatch(/^payload is not valid JSON: /);
  });

  it('a redelivered id answers 200 again, is stored once (the first text kept), wakes the worker once', async () => {
    // a redelivery carries the same payload; spaced differently, it is still the same delivery
    const first = JSON.stringify({ n: 1 });
    const second = JSON.stringify({ n: 1 }, null, 2);
    expect((await send({ url: door.url, headers: github(first, 'dup-1'), body: first })).status).toBe(200);
    expect((await send({ url: door.url, headers: github(second, 'dup-1'), body: second })).status).toBe(200);
    expect(door.stored()).toBe(1);
    const [row] = await door.db.query<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE id = 'dup-1'");
    expect(Number(row?.n)).toBe(1);
    expect(await storedText(door.db, 'dup-1')).toBe(first);
  });

  it('a known id with a different payload keeps the greater by content and wakes the worker only then', async () => {
    const less = JSON.stringify({ n: 1 });
    const greater = JSON.stringify({ n: 2 });
    expect((await send({ url: door.url, headers: github(greater, 'dup-2'), body: greater })).status).toBe(200);
    expect((await send({ url: door.url, headers: github(less, 'dup-2'), body: less })).status).toBe(200);
    expect(door.stored()).toBe(1);
    expect(await storedText(door.db, 'dup-2')).toBe(greater);
    // the other order, with payloads of its own (dup-2's under another id would be a replay)
    const less3 = JSON.stringify({ n: 3 });
    const greater3 = JSON.stringify({ n: 4 });
    expect((await send({ url: door.url, headers: github(less3, 'dup-3'), body: less3 })).status).toBe(200);
    expect((await send({ url: door.url, headers: github(greater3, 'dup-3'), body: greater3 })).status).toBe(200);
    expect(door.stored()).toBe(3);
    expect(await storedText(door.db, 'dup-3')).toBe(greater3);
  });

  it('its path with a query string is its path', async () => {
    const answer = await send({
      url: door.url,
      path: `${PATH}?source=proxy&x=1`,
      headers: github(BODY, 'query-1'),
      body: BODY,
    });
    expect(answer.status).toBe(200);
    expect(door.returned).toEqual([true]);
    expect(await storedText(door.db, 'query-1')).toBe(BODY);
  });

  it('another path is not its business: it returns false and leaves the response alone', async () => {
    for (const path of ['/', '/api/github/webhook', `${PATH}/`, `${PATH}/extra`, '/API/GITHUB/WEBHOOKS', '/x?p=/api']) {
      const answer = await send({ url: door.url, path, headers: github(BODY, `elsewhere-${path}`), body: BODY });
      expect(answer.status).toBe(404);
      expect(answer.text).toBe('not the webhook path\n');
    }
    expect(door.returned).toEqual([false, false, false, false, false, false]);
    await expect(deliveryCount(door.db)).resolves.toBe(0);
    expect(door.stored()).toBe(0);
  });
});
