// A local GitHub for `shipwell report --org`: an org of empty repositories
// (one archived long ago), every answer carrying a rate-limit budget that
// shrinks by one a request, as GitHub's do.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOrg {
  url: string;
  /** Requests answered, in order (`METHOD /path`). */
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeOrg({
  org,
  repos,
  budget = 5000,
  reset = Date.parse('2026-03-20T13:00:00Z'),
}: {
  org: string;
  repos: string[];
  budget?: number;
  reset?: number;
}): Promise<FakeOrg> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    // the config reads (no file anywhere: every default applies) are not part of the collection measured here
    if (/^\/repos\/[^/]+\/[^/]+\/contents\//.test(path)) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      return;
    }
    requests.push(`${request.method} ${path}`);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(Math.max(0, budget - requests.length)),
        'x-ratelimit-reset': String(Math.floor(reset / 1000)),
      });
      response.end(JSON.stringify(body));
    };
    if (path === `/orgs/${org}/repos`) {
      const listed = repos.map((name, i) => ({
        id: i + 1,
        name,
        full_name: `${org}/${name}`,
        owner: { login: org },
        archived: false,
        pushed_at: '2026-03-01T00:00:00Z',
      }));
      listed.push({
        id: 99,
        name: 'attic',
        full_name: `${org}/attic`,
        owner: { login: org },
        archived: true,
        pushed_at: '2019-01-01T00:00:00Z',
      });
      return send(200, listed);
    }
    const repo = /^\/repos\/[^/]+\/([^/]+)(\/.*)?$/.exec(path);
    if (!repo) return send(404, { message: 'Not Found' });
    const rest = repo[2] ?? '';
    if (rest === '') return send(200, { id: 1, full_name: `${org}/${repo[1]}`, topics: [], custom_properties: {} });
    if (rest === '/actions/runs') return send(200, { total_count: 0, workflow_runs: [] });
    if (rest === '/environments') return send(200, { total_count: 0, environments: [] });
    return send(200, []);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
