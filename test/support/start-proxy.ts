// A forward proxy on loopback, as corporate networks put in front of
// self-hosted runners: HTTPS (and, from Node's fetch, plain HTTP too) goes
// through a CONNECT tunnel, plain HTTP in absolute form is forwarded. Only
// the proxy knows the names in `hosts` (`*.invalid` never resolves
// elsewhere), so a request that reached such a host went through it.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';

export interface ForwardProxy {
  url: string;
  /** `METHOD http://host/path` of each request forwarded in absolute form. */
  forwarded: string[];
  /** `host:port` of each CONNECT tunnel. */
  tunnels: string[];
  close(): Promise<void>;
}

export async function startProxy({ hosts = {} }: { hosts?: Record<string, string> } = {}): Promise<ForwardProxy> {
  const proxy: ForwardProxy = { url: '', forwarded: [], tunnels: [], close: async () => {} };
  const resolve = (host: string) => hosts[host] ?? host;
  const server: Server = createServer((request, response) => {
    const target = new URL(request.url ?? '');
    proxy.forwarded.push(`${request.method} ${target.href}`);
    const upstream = httpRequest(
      {
        host: resolve(target.hostname),
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: request.method,
        headers: { ...request.headers, host: target.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connect', (request, client, head) => {
    const target = request.url ?? '';
    const at = target.lastIndexOf(':');
    const upstream = connect(Number(target.slice(at + 1)), resolve(target.slice(0, at)), () => {
      proxy.tunnels.push(target);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  return proxy;
}
