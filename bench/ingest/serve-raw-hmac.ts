// The ceiling of the ingestion benchmark: a raw `node:http` server that only
// reads the body and checks X-Hub-Signature-256 (HMAC-SHA256, constant-time
// compare), then answers 200 — no routing, no storage. Prints `port N` when
// ready and, on SIGTERM, `cpu MICROSECONDS`, as bench/app/serve-app.ts does.
//   WEBHOOK_SECRET=… node bench/ingest/serve-raw-hmac.ts
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const secret = process.env.WEBHOOK_SECRET ?? '';

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(Buffer.concat(chunks)).digest('hex')}`);
    const given = Buffer.from(String(request.headers['x-hub-signature-256'] ?? ''));
    const ok = given.length === expected.length && timingSafeEqual(given, expected);
    response.writeHead(ok ? 200 : 401, { 'content-type': 'text/plain' }).end(ok ? 'ok' : 'bad signature');
  });
});
server.listen(0, '127.0.0.1', () => console.log(`port ${(server.address() as AddressInfo).port}`));
process.once('SIGTERM', () => {
  server.close(() => {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`cpu ${user + system}\n`, () => process.exit(0));
  });
  server.closeAllConnections();
});
