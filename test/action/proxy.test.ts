// Self-hosted and GHES runners reach GitHub through a proxy: the bundled
// Action honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY (docs/action.md,
// "Behind a proxy"), run as a runner runs it, with GitHub faked behind a
// local proxy under a name only the proxy resolves.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGitHub, startFakeGitHub } from '../github/fake-github.ts';
import { type ForwardProxy, startProxy } from '../support/start-proxy.ts';
import { fixtureRepo, releaseEvent } from './fixture-repo.ts';
import { runBundle } from './run-bundle.ts';

/** GitHub's name behind the proxy: `.invalid` never resolves, so only the proxy reaches it. */
const HOST = 'github.proxy-test.invalid';

let fake: FakeGitHub | null = null;
let proxy: ForwardProxy | null = null;
let dir = '';
afterEach(async () => {
  await fake?.close();
  await proxy?.close();
  fake = null;
  proxy = null;
});
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shipwell-proxy-'));
  // a certificate for HOST, trusted through NODE_EXTRA_CA_CERTS as a runner trusts its network's CA
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${HOST}`,
      '-addext',
      `subjectAltName=DNS:${HOST}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = (apiUrl: string, env: NodeJS.ProcessEnv) =>
  runBundle({ apiUrl, inputs: { now: '2019-05-20T00:00:00Z' }, eventName: 'release', event: releaseEvent, env });

/** GitHub over TLS: a TLS terminator in front of the fake. */
async function startTlsFront(target: FakeGitHub): Promise<{ port: number; server: TlsServer }> {
  const port = Number(new URL(target.url).port);
  const server = createTlsServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (socket) => {
      const upstream = connect(port, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

describe('the bundled Action behind a proxy', () => {
  it('reaches an http:// API only the proxy can reach through HTTP_PROXY', async () => {
    fake = await startFakeGitHub(fixtureRepo());
    proxy = await startProxy({ hosts: { [HOST]: '127.0.0.1' } });
    const port = new URL(fake.url).port;
    const run = await report(`http://${HOST}:${port}`, { HTTP_PROXY: proxy.url });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fake.requests.length).toBeGreaterThan(5);
    expect(fake.requests.some((r) => r.method === 'POST' && r.path.endsWith('/check-runs'))).toBe(true);
    expect([
      ...new Set([...proxy.tunnels, ...proxy.forwarded.map((line) => new URL(line.split(' ')[1]!).host)]),
    ]).toEqual([`${HOST}:${port}`]);
  });

  it('reaches an https:// API through HTTPS_PROXY (lowercase too) with a CONNECT tunnel', async () => {
    fake = await startFakeGitHub(fixtureRepo());
    proxy = await startProxy({ hosts: { [HOST]: '127.0.0.1' } });
    const front = await startTlsFront(fake);
    try {
      const run = await report(`https://${HOST}:${front.port}`, {
        https_proxy: proxy.url,
        NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(fake.requests.length).toBeGreaterThan(5);
      expect(new Set(proxy.tunnels)).toEqual(new Set([`${HOST}:${front.port}`]));
      expect(proxy.forwarded).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => front.server.close(() => resolve()));
    }
  });

  it('goes direct to hosts NO_PROXY names', async () => {
    fake = await startFakeGitHub(fixtureRepo());
    proxy = await startProxy();
    const run = await report(fake.url, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    expect(run.code).toBe(0);
    expect(fake.requests.length).toBeGreaterThan(5);
    expect(proxy.forwarded).toEqual([]);
    expect(proxy.tunnels).toEqual([]);
  });
});
