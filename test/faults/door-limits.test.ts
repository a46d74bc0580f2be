// The webhook door under a flood of unauthenticated bodies (issue #12), over
// real sockets: ten concurrent 24 MB bodies with a bad signature took the App
// from 156 to 463 MB before any was refused. Bodies whose signature is not yet
// known are now bounded in number and in total bytes (503 + Retry-After
// beyond), the HMAC is computed as they arrive, and a signed delivery still
// gets in once the flood has passed.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { DatabaseSync } from 'node:sqlite';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookHandler, MAX_BODIES_IN_FLIGHT, MAX_BYTES_IN_FLIGHT } from '../../app/create-webhook-handler.ts';
import { applyMigrations, createStore, openSqlite, type Store } from '../../src/store/index.ts';
import { sign } from '../app/signed-delivery.ts';

const SECRET = 'door-limits-secret';
const PATH = '/api/github/webhooks';

interface Door {
  port: number;
  store: Store;
  close(): Promise<void>;
}
// nock's interceptors swallow what a raw socket writes to a server of this process: this file
// talks to its own loopback server only, through raw sockets (to send bodies slowly, by hand)
beforeAll(() => nock.restore());
afterAll(() => nock.activate());

let door: Door | null = null;
afterEach(async () => {
  await door?.close();
  door = null;
});

async function openDoor(limits: { maxBodies?: number; maxBytesInFlight?: number } = {}): Promise<Door> {
  const db = openSqlite({ database: new DatabaseSync(':memory:') });
  await applyMigrations({ db, now: 0 });
  const store = createStore({ db });
  const handle = createWebhookHandler({
    path: PATH,
    secret: SECRET,
    inbox: store.inbox,
    clock: Date.now,
    onStored: () => {},
    ...limits,
  });
  const server: Server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    store,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

interface Upload {
  /** Resolves with the status line's code and headers (or 'reset' when the socket was cut first). */
  answer: Promise<{ status: number | 'reset'; head: string }>;
  /** Sends `bytes` more of the body (generated, never held whole), honouring backpressure. */
  send(bytes: number): Promise<void>;
  end(): void;
}

/** A raw POST over its own socket: headers at once, the body as the test sends it. */
function upload({
  port,
  id,
  length,
  signature,
}: {
  port: number;
  id: string;
  length?: number;
  signature: string;
}): Upload {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  const lengthHeader = length === undefined ? 'transfer-encoding: chunked' : `content-length: ${length}`;
  socket.write(
    `POST ${PATH} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nx-github-event: push\r\n` +
      `x-github-delivery: ${id}\r\nx-hub-signature-256: ${signature}\r\n${lengthHeader}\r\n\r\n`,
  );
  let head = '';
  const answer = new Promise<{ status: number | 'reset'; head: string }>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (status && head.includes('\r\n\r\n')) resolve({ status: Number(status[1]), head });
    });
    socket.on('error', () => resolve({ status: 'reset', head }));
    socket.on('close', () => resolve({ status: 'reset', head }));
  });
  const piece = Buffer.alloc(64 * 1024, 0x20);
  return {
    answer,
    async send(bytes) {
      for (let left = bytes; left > 0 && !socket.destroyed; left -= piece.length) {
        const part = left >= piece.length ? piece : piece.subarray(0, left);
        const framed =
          length === undefined
            ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')])
            : part;
        // a refused upload is cut by the server: the sender stops there
        if (!socket.write(framed))
          await Promise.race([once(socket, 'drain'), once(socket, 'close')]).catch(() => undefined);
      }
    },
    end() {
      if (length === undefined && !socket.destroyed) socket.write('0\r\n\r\n');
    },
  };
}

const BAD = `sha256=${'0'.repeat(64)}`;

describe('the webhook door under a flood', () => {
  it('answers 503 with Retry-After beyond the bodies it may read at once', async () => {
    door = await openDoor({ maxBodies: 2 });
    const slow = [0, 1].map((i) => upload({ port: door!.port, id: `slow-${i}`, length: 1000, signature: BAD }));
    await Promise.all(slow.map((u) => u.send(10)));
    await new Promise((resolve) => setTimeout(resolve, 100)); // both are being read
    const third = upload({ port: door.port, id: 'third', length: 1000, signature: BAD });
    const refused = await third.answer;
    expect(refused.status).toBe(503);
    expect(refused.head).toMatch(/\r\nretry-after: \d+\r\n/i);
    // the first two finish (bad signature): room again, and a signed delivery gets in
    for (const u of slow) await u.send(990);
    expect((await Promise.all(slow.map((u) => u.answer))).map((a) => a.status)).toEqual([401, 401]);
    const body = JSON.stringify({ zen: 'after the flood' });
    const good = upload({
      port: door.port,
      id: 'good',
      length: Buffer.byteLength(body),
      signature: sign({ body, secret: SECRET }),
    });
    await good.send(0);
    const response = await fetch(`http://127.0.0.1:${door.port}${PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-github-delivery': 'good-2',
        'x-hub-signature-256': sign({ body, secret: SECRET }),
      },
      body,
    });
    expect(response.status).toBe(200);
  });

  it('answers 503 once the bytes of unsigned bodies in flight pass the bound (chunked, no content-length)', async () => {
    door = await openDoor({ maxBytesInFlight: 1024 * 1024 });
    const first = upload({ port: door.port, id: 'c1', signature: BAD });
    await first.send(700 * 1024);
    const second = upload({ port: door.port, id: 'c2', signature: BAD });
    await second.send(700 * 1024);
    const refused = await second.answer;
    expect([503, 'reset']).toContain(refused.status);
    if (refused.status === 503) expect(refused.head).toMatch(/\r\nretry-after: \d+\r\n/i);
    first.end();
    expect((await first.answer).status).toBe(401);
    expect(await door.store.log.list({ limit: 10 })).toEqual([]);
  });

  it(`ten concurrent 24 MB bodies with a bad signature: memory stays within the ${MAX_BYTES_IN_FLIGHT / 2 ** 20} MB bound`, async () => {
    expect(MAX_BODIES_IN_FLIGHT).toBeGreaterThanOrEqual(10); // the count bound alone would admit all ten
    door = await openDoor();
    const size = 24 * 1024 * 1024;
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 5);
    const uploads = Array.from({ length: 10 }, (_, i) =>
      upload({ port: door!.port, id: `big-${i}`, length: size, signature: BAD }),
    );
    await Promise.all(uploads.map((u) => u.send(size)));
    const answers = await Promise.all(uploads.map((u) => u.answer));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 401 || s === 503 || s === 'reset')).toBe(true);
    // refused before their bodies were read (503, or cut while still sending): only what fits the bound was read
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_BYTES_IN_FLIGHT / size + 1);
    expect(peak - before).toBeLessThan(MAX_BYTES_IN_FLIGHT + 32 * 1024 * 1024);
    expect(await door.store.log.list({ limit: 10 })).toEqual([]);
  }, 60_000);
});
