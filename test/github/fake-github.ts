// The one fake GitHub of the tests and the bench: a local HTTP server that
// plays the parts of GitHub's REST and GraphQL APIs Shipwell uses, over
// in-memory repositories (one, an organisation's several, or — for the App's
// tests — any repository asked for). Lists paginate with Link headers as
// GitHub's do (same orderings and filters), writes change the state, and
// every request is recorded. It keeps GitHub's rate-limit accounting: REST
// requests and GraphQL points per token, the `x-ratelimit-*` headers,
// 403/429 with `retry-after` for secondary limits, budgets a test can spend
// at once, and conditional requests (a matching `If-None-Match` gets a 304
// that costs nothing). Paths under `/api/v3` (GitHub Enterprise, as Probot
// reaches it with GHE_HOST) and `/api/graphql` are the same routes. The
// Action's end-to-end tests, the App's tests and the bench run against it.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerGraphql } from './fake-graphql.ts';
import { createRateLimits, type RateLimits, type RateResource } from './fake-rate-limits.ts';

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
  /** run id → its deployment reviews (`…/runs/{id}/approvals`). */
  approvals: Record<number, Json[]>;
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
  /** Archived, last pushed to then (the org's list says so). */
  archived?: boolean;
  pushedAt?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Json | null;
  at: number;
  /** The `authorization` header, as sent. */
  authorization: string | undefined;
  /** What the answer cost: REST requests or GraphQL points (0 for a 304 or a refusal). */
  cost: number;
  resource: RateResource | null;
  status: number;
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
    approvals: {},
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

/** A repository as GitHub's REST API and webhooks show it. */
export function repositoryObject(repo: FakeRepo): Json {
  return {
    id: repo.id,
    full_name: `${repo.owner}/${repo.name}`,
    name: repo.name,
    owner: { login: repo.owner },
    topics: repo.topics,
    custom_properties: repo.customProperties,
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

/** What `intercept` may answer instead of GitHub's normal answer. */
export type FakeFault = { status: number; headers?: Record<string, string>; body?: unknown } | 'hang';

/** A check run as the App's tests read it back: the repository it was written to beside GitHub's fields. */
export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title: string | null; summary: string | null };
  repo: string;
}

export interface FakeGitHub {
  url: string;
  /** `127.0.0.1:PORT`, for GHE_HOST. */
  host: string;
  /** The first repository (the one a single-repo test plays). */
  repo: FakeRepo;
  /** Every repository; `GET /orgs/{org}/repos` lists those of `org`. */
  repos: FakeRepo[];
  /** The repository `owner/name`, created empty when `anyRepo` and unknown. */
  repoNamed(fullName: string): FakeRepo | undefined;
  requests: RecordedRequest[];
  /** Called on every request as it arrives (the bench times the first). */
  onRequest: ((request: RecordedRequest) => void) | null;
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
  /** The rate-limit budgets (per token; `exhaust` spends one at once). */
  rateLimits: RateLimits;
  /** The next `count` requests hit a secondary rate limit: `status` (403 or 429) with `retry-after: seconds`. */
  secondaryLimit(input: { count: number; status?: 403 | 429; retryAfter?: number }): void;
  /** The fake's clock (epoch ms): budgets reset by it. Tests may replace it. */
  clock: () => number;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  /** Any `owner/name` asked for exists (created empty with the topic `cloud`), as the App's tests want. */
  anyRepo?: boolean;
  /** Per token and hour: REST requests (default 5,000) and GraphQL points (default 5,000). */
  limits?: Partial<Record<RateResource, number>>;
  clock?: () => number;
}

const tokenOf = (authorization: string | undefined) =>
  authorization ? authorization.replace(/^(token|bearer)\s+/i, '') : 'anonymous';

/** Starts the fake on a free loopback port, playing one repository, several, or (`anyRepo`) any. */
export async function startFakeGitHub(
  repoOrRepos: FakeRepo | FakeRepo[] = [],
  options: FakeGitHubOptions = {},
): Promise<FakeGitHub> {
  const repos = Array.isArray(repoOrRepos) ? repoOrRepos : [repoOrRepos];
  let nextId = 900_000;
  let secondary = { count: 0, status: 403, retryAfter: 60 };
  const byName = new Map(repos.map((r) => [`${r.owner}/${r.name}`.toLowerCase(), r]));
  const repoNamed = (fullName: string) => {
    const key = fullName.toLowerCase();
    let found = byName.get(key);
    if (!found && options.anyRepo) {
      const [owner = '', name = ''] = fullName.split('/');
      found = { ...emptyRepo(owner, name, 77), topics: ['cloud'] };
      repos.push(found);
      byName.set(key, found);
    }
    return found;
  };
  const fake: FakeGitHub = {
    url: '',
    host: '',
    get repo() {
      return repos[0]!;
    },
    repos,
    repoNamed,
    requests: [],
    onRequest: null,
    hookDeliveries: [],
    installationRepos: [],
    latency: 0,
    rateLimits: createRateLimits({
      clock: () => fake.clock(),
      limits: { core: options.limits?.core ?? 5_000, graphql: options.limits?.graphql ?? 5_000 },
    }),
    secondaryLimit({ count, status = 403, retryAfter = 60 }) {
      secondary = { count, status, retryAfter };
    },
    clock: options.clock ?? Date.now,
    close: async () => {},
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ message: `fake GitHub failed: ${(error as Error).stack ?? String(error)}` }));
    });
  });
  async function handle(request: IncomingMessage, response: import('node:http').ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const body = await readBody(request);
    if (fake.latency > 0) await new Promise((resolve) => setTimeout(resolve, fake.latency));
    const authorization = request.headers.authorization;
    const token = tokenOf(authorization);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api\/graphql$/, '/graphql')),
      query: url.searchParams,
      body,
      at: performance.now(),
      authorization,
      cost: 0,
      resource: null,
      status: 0,
    };
    fake.requests.push(recorded);
    fake.onRequest?.(recorded);
    const fault = fake.intercept?.({ method: recorded.method, path: recorded.path });
    if (fault === 'hang') return;
    if (fault) {
      recorded.status = fault.status;
      response.writeHead(fault.status, { 'content-type': 'application/json; charset=utf-8', ...fault.headers });
      return response.end(JSON.stringify(fault.body ?? { message: `fault ${fault.status}` }));
    }
    // GitHub App endpoints (JWT-authenticated): no installation budget.
    const counted = !recorded.path.startsWith('/app/');
    const resource: RateResource = recorded.path === '/graphql' ? 'graphql' : 'core';
    const limitHeaders = () => (counted ? fake.rateLimits.headers({ token, resource }) : {});
    if (counted && secondary.count > 0) {
      secondary.count -= 1;
      recorded.status = secondary.status;
      response.writeHead(secondary.status, {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': String(secondary.retryAfter),
        ...limitHeaders(),
      });
      return response.end(
        JSON.stringify({
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        }),
      );
    }
    const refuseExhausted = () => {
      recorded.status = 403;
      response.writeHead(403, { 'content-type': 'application/json; charset=utf-8', ...limitHeaders() });
      response.end(
        JSON.stringify({
          message: `API rate limit exceeded for ${token === 'anonymous' ? '127.0.0.1' : 'installation'}.`,
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        }),
      );
    };
    if (counted && !fake.rateLimits.fits({ token, resource, cost: 1 })) return refuseExhausted();

    if (recorded.path === '/graphql' && recorded.method === 'POST') {
      const answer = answerGraphql({
        repos,
        query: String(body?.query ?? ''),
        variables: (body?.variables ?? {}) as Json,
        rateLimit: () => fake.rateLimits.state({ token, resource: 'graphql' }),
      });
      if (!fake.rateLimits.fits({ token, resource: 'graphql', cost: answer.cost })) return refuseExhausted();
      fake.rateLimits.spend({ token, resource: 'graphql', cost: answer.cost });
      recorded.cost = answer.cost;
      recorded.resource = 'graphql';
      recorded.status = 200;
      const result = await answer.body();
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...limitHeaders() });
      return response.end(JSON.stringify(result));
    }

    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(payload);
      const etag = `W/"${createHash('sha1').update(text).digest('hex')}"`;
      if (status === 200 && recorded.method === 'GET' && request.headers['if-none-match'] === etag) {
        recorded.status = 304;
        response.writeHead(304, { etag, ...limitHeaders() });
        return response.end();
      }
      if (counted) {
        fake.rateLimits.spend({ token, resource: 'core', cost: 1 });
        recorded.cost = 1;
        recorded.resource = 'core';
      }
      recorded.status = status;
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        ...(status === 200 && recorded.method === 'GET' ? { etag } : {}),
        ...limitHeaders(),
        ...headers,
      });
      response.end(text);
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
    const notFound = () => send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });

    const path = recorded.path;
    const method = recorded.method;
    const q = url.searchParams;
    const token_ = method === 'POST' ? /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path) : null;
    if (token_) {
      const expires_at = new Date(Date.now() + 3_600_000).toISOString();
      return send(201, { token: `ghs_fake_${token_[1]}`, expires_at, permissions: {}, repository_selection: 'all' });
    }
    if (method === 'GET' && path === '/app/hook/deliveries') return send(200, fake.hookDeliveries);
    if (method === 'POST' && /^\/app\/hook\/deliveries\/\d+\/attempts$/.test(path)) return send(202, {});
    if (method === 'GET' && path === '/installation/repositories') {
      const repositories = fake.installationRepos.map((full_name, i) => ({
        id: i + 1,
        full_name,
        name: full_name.split('/')[1],
        owner: { login: full_name.split('/')[0] },
      }));
      return send(200, { total_count: repositories.length, repositories });
    }
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
          archived: r.archived === true,
          pushed_at: r.pushedAt ?? '2026-01-01T00:00:00Z',
          topics: r.topics,
          custom_properties: r.customProperties,
        })),
      );
    }
    const orgAlerts = method === 'GET' ? /^\/orgs\/([^/]+)\/dependabot\/alerts$/.exec(path) : null;
    if (orgAlerts) {
      const login = orgAlerts[1]!.toLowerCase();
      const listed = repos.filter((r) => r.owner.toLowerCase() === login);
      if (listed.length === 0) return notFound();
      const state = q.get('state');
      const alerts = listed.flatMap((r) =>
        r.alerts === 'forbidden'
          ? []
          : r.alerts
              .filter((a) => !state || a.state === state)
              .map((a) => ({
                ...a,
                repository: { full_name: `${r.owner}/${r.name}`, name: r.name, owner: { login: r.owner } },
              })),
      );
      return page(q.get('sort') === 'updated' ? alerts.sort(byDesc('updated_at')) : alerts);
    }
    const orgProperties = method === 'GET' ? /^\/orgs\/([^/]+)\/properties\/values$/.exec(path) : null;
    if (orgProperties) {
      const login = orgProperties[1]!.toLowerCase();
      const listed = repos.filter((r) => r.owner.toLowerCase() === login);
      if (listed.length === 0) return notFound();
      return page(
        listed.map((r) => ({
          repository_id: r.id,
          repository_name: r.name,
          repository_full_name: `${r.owner}/${r.name}`,
          properties: Object.entries(r.customProperties).map(([property_name, value]) => ({ property_name, value })),
        })),
      );
    }
    const inRepo = /^\/repos\/([^/]+)\/([^/]+)(.*)$/.exec(path);
    const repo = inRepo ? repoNamed(`${inRepo[1]}/${inRepo[2]}`) : undefined;
    if (!inRepo || !repo) return notFound();
    const rest = inRepo[3]!;

    if (method !== 'GET' && repo.readOnly) return forbidden();
    const routes: [string, RegExp, (match: RegExpExecArray) => void][] = [
      [
        'GET',
        /^$/,
        (_match) => {
          return send(200, repositoryObject(repo));
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
          const created = q.get('created');
          const [from, to] = created?.startsWith('>=') ? [created.slice(2), undefined] : (created?.split('..') ?? []);
          const runs = repo.runs
            .filter((run) => q.get('status') === null || run.status === q.get('status'))
            .filter((run) => from === undefined || time(run.created_at) >= time(from))
            .filter((run) => to === undefined || time(run.created_at) < time(to) + 1000)
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
        (match) => {
          return send(200, repo.approvals[Number(match[1])] ?? []);
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
            repo: `${repo.owner}/${repo.name}`,
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
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.url = `http://${fake.host}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}
