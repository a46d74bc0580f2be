// GitHub's REST API played by a local node:http server, as Probot reaches it
// with GHE_HOST=127.0.0.1:PORT and GHE_PROTOCOL=http (paths under /api/v3).
// It answers what the App asks — installation tokens, config files, check
// runs, releases, hook deliveries, the backfill's lists — keeps what was
// written, and records every request so tests can assert on them.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title: string | null; summary: string | null };
  repo: string;
}

export interface FakeRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  published_at: string;
}

export interface FakeGitHub {
  /** `127.0.0.1:PORT`, for GHE_HOST. */
  host: string;
  requests: RecordedRequest[];
  checkRuns: CheckRun[];
  /** Releases by `owner/name`. */
  releases: Map<string, FakeRelease[]>;
  /** `.github/shipwell.yml` text by `owner/name`. */
  configs: Map<string, string>;
  /** What `GET /app/hook/deliveries` lists. */
  hookDeliveries: { id: number; guid: string; delivered_at: string; status_code: number; event: string }[];
  /** Repositories of `GET /installation/repositories`. */
  installationRepos: string[];
  /** Milliseconds every answer waits (a slow GitHub keeps work in flight). */
  latency: number;
  /**
   * Fault injection (unset: none): called for every request before it is
   * answered; a reply is sent instead of the normal answer, `'hang'` never
   * answers (a timeout), undefined answers normally. Requests are recorded either way.
   */
  intercept?: ((request: { method: string; path: string }) => FakeFault | undefined) | undefined;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? null : (JSON.parse(text) as unknown);
}

/** What `intercept` may answer instead of GitHub's normal answer. */
export type FakeFault = { status: number; headers?: Record<string, string>; body?: unknown } | 'hang';

export async function startFakeGitHub(): Promise<FakeGitHub> {
  let nextId = 1000;
  const state = {
    requests: [] as RecordedRequest[],
    checkRuns: [] as CheckRun[],
    releases: new Map<string, FakeRelease[]>(),
    configs: new Map<string, string>(),
    hookDeliveries: [] as FakeGitHub['hookDeliveries'],
    installationRepos: [] as string[],
    latency: 0,
  };
  let fake: FakeGitHub;
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const body = await readBody(request);
    if (fake.latency > 0) await new Promise((resolve) => setTimeout(resolve, fake.latency));
    const method = request.method ?? 'GET';
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v3/, ''));
    state.requests.push({ method, path, query: url.searchParams, body, authorization: request.headers.authorization });
    const fault = fake.intercept?.({ method, path });
    if (fault === 'hang') return;
    if (fault) {
      response.writeHead(fault.status, { 'content-type': 'application/json; charset=utf-8', ...fault.headers });
      return response.end(JSON.stringify(fault.body ?? { message: `fault ${fault.status}` }));
    }
    const json = (status: number, data: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(data));
    };
    const notFound = () => json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const match = (verb: string, pattern: RegExp): string[] | null => {
      if (method !== verb) return null;
      const found = pattern.exec(path);
      return found ? [...found].map((part) => part ?? '') : null;
    };
    const token = match('POST', /^\/app\/installations\/(\d+)\/access_tokens$/);
    if (token) {
      const expires_at = new Date(Date.now() + 3_600_000).toISOString();
      return json(201, { token: `ghs_fake_${token[1]}`, expires_at, permissions: {}, repository_selection: 'all' });
    }
    if (match('GET', /^\/app\/hook\/deliveries$/)) return json(200, state.hookDeliveries);
    if (match('POST', /^\/app\/hook\/deliveries\/\d+\/attempts$/)) return json(202, {});
    if (match('GET', /^\/installation\/repositories$/)) {
      const repositories = state.installationRepos.map((full_name, i) => ({
        id: i + 1,
        full_name,
        name: full_name.split('/')[1],
      }));
      return json(200, { total_count: repositories.length, repositories });
    }
    const inRepo = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (!inRepo) return notFound();
    const [, owner = '', name = '', rest = ''] = inRepo;
    const repo = `${owner}/${name}`;
    const on = (verb: string, pattern: RegExp) => (method === verb ? pattern.exec(rest) : null);
    if (on('GET', /^$/)) {
      return json(200, {
        id: 77,
        full_name: repo,
        name,
        owner: { login: owner },
        topics: ['cloud'],
        custom_properties: {},
      });
    }
    if (on('GET', /^\/contents\/\.github\/shipwell\.yml$/)) {
      const text = state.configs.get(repo);
      if (text === undefined) return notFound();
      response.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
      return response.end(text);
    }
    const listRuns = on('GET', /^\/commits\/([0-9a-f]{40})\/check-runs$/);
    if (listRuns) {
      const checkName = url.searchParams.get('check_name');
      const runs = state.checkRuns
        .filter((r) => r.repo === repo && r.head_sha === listRuns[1] && (checkName === null || r.name === checkName))
        .reverse();
      return json(200, { total_count: runs.length, check_runs: runs });
    }
    if (on('POST', /^\/check-runs$/)) {
      const fields = body as Omit<CheckRun, 'id' | 'repo'>;
      const run: CheckRun = {
        id: nextId++,
        repo,
        name: fields.name,
        head_sha: fields.head_sha,
        status: fields.status,
        conclusion: fields.conclusion ?? null,
        output: fields.output,
      };
      state.checkRuns.push(run);
      return json(201, run);
    }
    const patchRun = on('PATCH', /^\/check-runs\/(\d+)$/);
    if (patchRun) {
      const run = state.checkRuns.find((r) => r.id === Number(patchRun[1]));
      if (!run) return notFound();
      const fields = body as Partial<CheckRun>;
      run.status = fields.status ?? run.status;
      run.conclusion = fields.conclusion ?? null;
      run.output = fields.output ?? run.output;
      return json(200, run);
    }
    const releases = state.releases.get(repo) ?? [];
    if (on('GET', /^\/releases$/)) return json(200, releases);
    const byTag = on('GET', /^\/releases\/tags\/(.+)$/);
    if (byTag) {
      const release = releases.find((r) => r.tag_name === byTag[1]);
      return release ? json(200, release) : notFound();
    }
    const patchRelease = on('PATCH', /^\/releases\/(\d+)$/);
    if (patchRelease) {
      const release = releases.find((r) => r.id === Number(patchRelease[1]));
      if (!release) return notFound();
      release.body = (body as { body: string }).body;
      return json(200, release);
    }
    if (on('GET', /^\/actions\/runs$/)) return json(200, { total_count: 0, workflow_runs: [] });
    if (on('GET', /^\/environments$/)) return json(200, { total_count: 0, environments: [] });
    if (on('GET', /^\/(deployments|pulls|issues|dependabot\/alerts)$/)) return json(200, []);
    notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  fake = {
    host: `127.0.0.1:${port}`,
    ...state,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return fake;
}
