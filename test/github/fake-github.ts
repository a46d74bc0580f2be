// A local HTTP server that plays the parts of GitHub's REST API Shipwell
// uses, over in-memory repositories (one, or an organisation's several):
// lists paginate with Link headers as GitHub's do (same orderings and
// filters), writes change the state, and every request is recorded. The
// Action's end-to-end tests and the bench run the real bundle against it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

export interface FakeRepo {
  owner: string;
  name: string;
  id: number;
  topics: string[];
  customProperties: Record<string, string>;
  releases: Json[];
  /** tag → the object its ref points at (`tag` objects are peeled through `tagObjects`). */
  refs: Record<string, { type: 'commit' | 'tag'; sha: string }>;
  tagObjects: Record<string, { type: 'commit' | 'tag'; sha: string }>;
  deployments: Json[];
  /** deployment id → statuses, newest first. */
  statuses: Record<number, Json[]>;
  runs: Json[];
  /** `runId:attempt` → that attempt. */
  attempts: Record<string, Json>;
  environments: Json[];
  pulls: Json[];
  issues: Json[];
  issueEvents: Record<number, Json[]>;
  checkRuns: Json[];
  alerts: Json[] | 'forbidden';
  /** path → file text (the contents API; raw when asked for the raw media type). */
  files: Record<string, string>;
  /** The contents API answers 403 (a token without `contents: read`). */
  contentsForbidden: boolean;
  /** Writes answer 403 "Resource not accessible by integration" (a fork's token). */
  readOnly: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Json | null;
  at: number;
}

export function emptyRepo(owner: string, name: string, id = 1296269): FakeRepo {
  return {
    owner,
    name,
    id,
    topics: [],
    customProperties: {},
    releases: [],
    refs: {},
    tagObjects: {},
    deployments: [],
    statuses: {},
    runs: [],
    attempts: {},
    environments: [],
    pulls: [],
    issues: [],
    issueEvents: {},
    checkRuns: [],
    alerts: [],
    files: {},
    contentsForbidden: false,
    readOnly: false,
  };
}

const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : Number.NaN);
const byDesc = (key: string) => (a: Json, b: Json) => time(b[key]) - time(a[key]) || Number(b.id) - Number(a.id);

async function readBody(request: IncomingMessage): Promise<Json | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? null : (JSON.parse(text) as Json);
}

export interface FakeGitHub {
  url: string;
  /** The first repository (the one a single-repo test plays). */
  repo: FakeRepo;
  /** Every repository; `GET /orgs/{org}/repos` lists those of `org`. */
  repos: FakeRepo[];
  requests: RecordedRequest[];
  /** Called on every request as it arrives (the bench times the first). */
  onRequest: ((request: RecordedRequest) => void) | null;
  close(): Promise<void>;
}

/** Starts the fake on a free loopback port, playing one repository or several. */
export async function startFakeGitHub(repoOrRepos: FakeRepo | FakeRepo[]): Promise<FakeGitHub> {
  const repos = Array.isArray(repoOrRepos) ? repoOrRepos : [repoOrRepos];
  const fake: FakeGitHub = { url: '', repo: repos[0]!, repos, requests: [], onRequest: null, close: async () => {} };
  let nextId = 900_000;

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const body = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      body,
      at: performance.now(),
    };
    fake.requests.push(recorded);
    fake.onRequest?.(recorded);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(payload));
    };
    const page = (items: Json[], wrap?: string) => {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const number = Number(url.searchParams.get('page') ?? 1);
      const slice = items.slice((number - 1) * perPage, number * perPage);
      const headers: Record<string, string> = {};
      if (number * perPage < items.length) {
        const next = new URL(url);
        next.searchParams.set('page', String(number + 1));
        headers.link = `<${fake.url}${next.pathname}${next.search}>; rel="next"`;
      }
      send(200, wrap ? { total_count: items.length, [wrap]: slice } : slice, headers);
    };
    const forbidden = () => send(403, { message: 'Resource not accessible by integration' });
    const notFound = () => send(404, { message: 'Not Found' });

    const path = recorded.path;
    const method = recorded.method;
    const q = url.searchParams;
    const orgRepos = method === 'GET' ? /^\/orgs\/([^/]+)\/repos$/.exec(path) : null;
    if (orgRepos) {
      const login = orgRepos[1]!.toLowerCase();
      const listed = repos.filter((r) => r.owner.toLowerCase() === login);
      if (listed.length === 0) return notFound();
      return page(
        listed.map((r) => ({
          id: r.id,
          name: r.name,
          full_name: `${r.owner}/${r.name}`,
          owner: { login: r.owner },
          archived: false,
          pushed_at: '2026-01-01T00:00:00Z',
        })),
      );
    }
    const inRepo = /^\/repos\/([^/]+)\/([^/]+)(.*)$/.exec(path);
    const repo = inRepo
      ? repos.find((r) => `${r.owner}/${r.name}`.toLowerCase() === `${inRepo[1]}/${inRepo[2]}`.toLowerCase())
      : undefined;
    if (!inRepo || !repo) return notFound();
    const rest = inRepo[3]!;

    if (method !== 'GET' && repo.readOnly) return forbidden();
    const routes: [string, RegExp, (match: RegExpExecArray) => void][] = [
      [
        'GET',
        /^$/,
        (_match) => {
          return send(200, {
            id: repo.id,
            full_name: `${repo.owner}/${repo.name}`,
            topics: repo.topics,
            custom_properties: repo.customProperties,
          });
        },
      ],
      [
        'GET',
        /^\/contents\/(.+)$/,
        (match) => {
          if (repo.contentsForbidden) return forbidden();
          const text = repo.files[match[1]!];
          if (text === undefined) return notFound();
          if (request.headers.accept?.includes('raw')) {
            response.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
            return response.end(text);
          }
          return send(200, { type: 'file', encoding: 'base64', content: Buffer.from(text).toString('base64') });
        },
      ],
      [
        'GET',
        /^\/releases$/,
        (_match) => {
          return page([...repo.releases].sort(byDesc('created_at')));
        },
      ],
      [
        'GET',
        /^\/releases\/tags\/(.+)$/,
        (match) => {
          const release = repo.releases.find((r) => r.tag_name === match[1]);
          return release ? send(200, release) : notFound();
        },
      ],
      [
        'PATCH',
        /^\/releases\/(\d+)$/,
        (match) => {
          const release = repo.releases.find((r) => r.id === Number(match[1]));
          if (!release) return notFound();
          Object.assign(release, body);
          return send(200, release);
        },
      ],
      [
        'GET',
        /^\/git\/ref\/tags\/(.+)$/,
        (match) => {
          const object = repo.refs[match[1]!];
          return object ? send(200, { ref: `refs/tags/${match[1]}`, object }) : notFound();
        },
      ],
      [
        'GET',
        /^\/git\/tags\/([0-9a-f]+)$/,
        (match) => {
          const object = repo.tagObjects[match[1]!];
          return object ? send(200, { sha: match[1], object }) : notFound();
        },
      ],
      [
        'GET',
        /^\/deployments$/,
        (_match) => {
          return page([...repo.deployments].sort(byDesc('created_at')));
        },
      ],
      [
        'GET',
        /^\/deployments\/(\d+)\/statuses$/,
        (match) => {
          return page(repo.statuses[Number(match[1])] ?? []);
        },
      ],
      [
        'GET',
        /^\/actions\/runs$/,
        (_match) => {
          const created = q.get('created')?.replace(/^>=/, '');
          const runs = repo.runs
            .filter((run) => q.get('status') === null || run.status === q.get('status'))
            .filter((run) => created === undefined || time(run.created_at) >= time(created))
            .sort(byDesc('created_at'));
          return page(runs, 'workflow_runs');
        },
      ],
      [
        'GET',
        /^\/actions\/runs\/(\d+)\/attempts\/(\d+)$/,
        (match) => {
          const attempt = repo.attempts[`${match[1]}:${match[2]}`];
          return attempt ? send(200, attempt) : notFound();
        },
      ],
      [
        'GET',
        /^\/actions\/runs\/(\d+)\/approvals$/,
        (_match) => {
          return send(200, []);
        },
      ],
      [
        'GET',
        /^\/environments$/,
        (_match) => {
          return page(repo.environments, 'environments');
        },
      ],
      [
        'GET',
        /^\/pulls$/,
        (_match) => {
          return page(repo.pulls.filter((p) => p.state === 'closed').sort(byDesc('updated_at')));
        },
      ],
      [
        'GET',
        /^\/pulls\/(\d+)$/,
        (match) => {
          const pull = repo.pulls.find((p) => p.number === Number(match[1]));
          return pull ? send(200, pull) : notFound();
        },
      ],
      [
        'GET',
        /^\/issues$/,
        (_match) => {
          const label = q.get('labels')?.toLowerCase();
          const since = q.get('since');
          const issues = repo.issues
            .filter((i) => !label || (i.labels as { name: string }[]).some((l) => l.name.toLowerCase() === label))
            .filter((i) => !since || time(i.updated_at) >= time(since));
          return page(issues);
        },
      ],
      [
        'GET',
        /^\/issues\/(\d+)\/events$/,
        (match) => {
          return page(repo.issueEvents[Number(match[1])] ?? []);
        },
      ],
      [
        'GET',
        /^\/commits\/([0-9a-f]{40})\/check-runs$/,
        (match) => {
          const name = q.get('check_name');
          let runs = repo.checkRuns.filter((run) => run.head_sha === match[1] && (!name || run.name === name));
          runs = runs.sort((a, b) => Number(b.id) - Number(a.id));
          if (q.get('filter') !== 'all')
            runs = runs.filter((run, i) => runs.findIndex((r) => r.name === run.name) === i);
          return page(runs, 'check_runs');
        },
      ],
      [
        'POST',
        /^\/check-runs$/,
        (_match) => {
          const run = {
            id: nextId++,
            conclusion: null,
            ...body,
            completed_at: body?.status === 'completed' ? new Date().toISOString() : null,
          };
          repo.checkRuns.push(run);
          return send(201, run);
        },
      ],
      [
        'PATCH',
        /^\/check-runs\/(\d+)$/,
        (match) => {
          const run = repo.checkRuns.find((r) => r.id === Number(match[1]));
          if (!run) return notFound();
          Object.assign(run, body);
          return send(200, run);
        },
      ],
      [
        'GET',
        /^\/dependabot\/alerts$/,
        (_match) => {
          if (repo.alerts === 'forbidden') return forbidden();
          const state = q.get('state');
          const alerts = repo.alerts.filter((a) => !state || a.state === state);
          return page(q.get('sort') === 'updated' ? [...alerts].sort(byDesc('updated_at')) : alerts);
        },
      ],
    ];
    for (const [verb, pattern, handle] of routes) {
      const found = verb === method ? pattern.exec(rest) : null;
      if (found) return handle(found);
    }
    return notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
