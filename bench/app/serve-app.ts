// One server for the App benchmark, in its own process so the load generator
// does not share its event loop: `bare` (Probot with no handlers: signature
// check and routing only), `shipwell` (the real App: each delivery stored
// before the answer, then processed by its worker) or `ingest` (the App
// with its worker off: the answering path alone). Prints `port N` when ready
// and, on SIGTERM, `cpu MICROSECONDS` (the whole process, every thread).
//   node bench/app/serve-app.ts bare | shipwell DATABASE_URL | ingest DATABASE_URL
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, createProbot } from 'probot';
import { startApp } from '../../app/start-app.ts';

const [mode, databaseUrl] = process.argv.slice(2);
const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal' as const };

function reportCpuOnStop(stop: () => Promise<void>): void {
  process.once('SIGTERM', () => {
    void stop().then(() => {
      const { user, system } = process.cpuUsage();
      process.stdout.write(`cpu ${user + system}\n`, () => process.exit(0));
    });
  });
}

if (mode === 'bare') {
  const middleware = await createNodeMiddleware(() => undefined, { probot: createProbot({ env }) });
  const server = createServer((request, response) => {
    void middleware(request, response, () => response.writeHead(404).end());
  });
  server.listen(0, '127.0.0.1', () => console.log(`port ${(server.address() as AddressInfo).port}`));
  reportCpuOnStop(() => new Promise((resolve) => server.close(() => resolve())));
} else if ((mode === 'shipwell' || mode === 'ingest') && databaseUrl) {
  const app = await startApp({
    env: { ...env, DATABASE_URL: databaseUrl },
    worker: mode === 'shipwell' ? 'thread' : 'off',
  });
  console.log(`port ${app.port}`);
  reportCpuOnStop(() => app.stop());
} else {
  console.error('usage: node bench/app/serve-app.ts bare | shipwell DATABASE_URL | ingest DATABASE_URL');
  process.exit(2);
}
