// One nock helper per GitHub endpoint the collector and publisher use. Each
// helper answers exactly one request (with body and query matchers where
// they matter), so `nock.isDone()` after a test proves every expected request
// was made and no unexpected one succeeded (nock.disableNetConnect makes
// those fail).
import nock from 'nock';
import { createOctokit } from '../../src/github/index.ts';

export const API = 'https://api.github.test';
export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
const R = `/repos/${OWNER}/${REPO}`;

/** A test client: nock sees global fetch; retries and throttling off. */
export function testOctokit() {
  return createOctokit({ auth: 'test-token', baseUrl: API, fetch: globalThis.fetch, retries: false, throttle: false });
}

const scope = () => nock(API);
type Query = Record<string, string>;
const link = (path: string, query: Query, page: number) =>
  `<${API}${path}?${new URLSearchParams({ ...query, page: String(page) })}>; rel="next"`;

/** One page of a list; `next` adds a Link header to page+1. */
function listPage({
  path,
  query,
  page,
  body,
  next,
}: {
  path: string;
  query: Query;
  page?: number;
  body: unknown;
  next?: boolean;
}) {
  const q = page === undefined || page === 1 ? query : { ...query, page: String(page) };
  return scope()
    .get(path)
    .query(q)
    .reply(200, body as nock.Body, next ? { link: link(path, query, (page ?? 1) + 1) } : {});
}

export const mockRepo = (body: object) => scope().get(R).reply(200, body);
export const mockPropertyValues = (status: number, body: unknown = []) =>
  scope()
    .get(`${R}/properties/values`)
    .reply(status, body as nock.Body);
export const mockReleases = (body: unknown[], { page, next }: { page?: number; next?: boolean } = {}) =>
  listPage({ path: `${R}/releases`, query: { per_page: '100' }, page, body, next });
/** Octokit expands `{ref}` with its slash encoded: `git/ref/tags%2Fv1` (GitHub decodes it). */
export const mockGitRef = (tag: string, object: { type: string; sha: string } | null) =>
  object
    ? scope()
        .get(`${R}/git/ref/${encodeURIComponent(`tags/${tag}`)}`)
        .reply(200, { ref: `refs/tags/${tag}`, object })
    : scope()
        .get(`${R}/git/ref/${encodeURIComponent(`tags/${tag}`)}`)
        .reply(404, { message: 'Not Found' });
export const mockGitTag = (sha: string, object: { type: string; sha: string }) =>
  scope().get(`${R}/git/tags/${sha}`).reply(200, { sha, object });
export const mockDeployments = (body: unknown[], { page, next }: { page?: number; next?: boolean } = {}) =>
  listPage({ path: `${R}/deployments`, query: { per_page: '100' }, page, body, next });
export const mockDeploymentStatuses = (id: number, body: unknown[]) =>
  listPage({ path: `${R}/deployments/${id}/statuses`, query: { per_page: '100' }, body });
export const mockRuns = (created: string, runs: unknown[]) =>
  listPage({
    path: `${R}/actions/runs`,
    query: { status: 'completed', created: `>=${created}`, per_page: '100' },
    body: { total_count: runs.length, workflow_runs: runs },
  });
export const mockRunAttempt = (id: number, attempt: number, body: object) =>
  scope().get(`${R}/actions/runs/${id}/attempts/${attempt}`).reply(200, body);
export const mockEnvironments = (environments: unknown[]) =>
  scope()
    .get(`${R}/environments`)
    .query({ per_page: '100' })
    .reply(200, { total_count: environments.length, environments });
export const mockApprovals = (id: number, body: unknown[]) =>
  scope()
    .get(`${R}/actions/runs/${id}/approvals`)
    .reply(200, body as nock.Body);
export const mockClosedPulls = (body: unknown[], { page, next }: { page?: number; next?: boolean } = {}) =>
  listPage({
    path: `${R}/pulls`,
    query: { state: 'closed', sort: 'updated', direction: 'desc', per_page: '100' },
    page,
    body,
    next,
  });
export const mockPull = (number: number, body: object) => scope().get(`${R}/pulls/${number}`).reply(200, body);
export const mockLabelledIssues = (label: string, since: string, body: unknown[]) =>
  listPage({ path: `${R}/issues`, query: { labels: label, state: 'all', since, per_page: '100' }, body });
export const mockIssueEvents = (number: number, body: unknown[]) =>
  listPage({ path: `${R}/issues/${number}/events`, query: { per_page: '100' }, body });
export const mockCommitCheckRuns = (sha: string, runs: unknown[]) =>
  listPage({
    path: `${R}/commits/${sha}/check-runs`,
    query: { filter: 'all', per_page: '100' },
    body: { total_count: runs.length, check_runs: runs },
  });
export const mockOpenAlerts = (body: unknown[] | { status: number; headers?: Record<string, string> }) =>
  Array.isArray(body)
    ? listPage({ path: `${R}/dependabot/alerts`, query: { state: 'open', per_page: '100' }, body })
    : scope()
        .get(`${R}/dependabot/alerts`)
        .query({ state: 'open', per_page: '100' })
        .reply(
          body.status,
          { message: body.status === 404 ? 'Not Found' : 'Resource not accessible by integration' },
          body.headers ?? {},
        );
export const mockRecentAlerts = (body: unknown[]) =>
  listPage({ path: `${R}/dependabot/alerts`, query: { sort: 'updated', direction: 'desc', per_page: '100' }, body });

// Publisher endpoints.
export const mockFindCheckRun = (sha: string, name: string, runs: unknown[]) =>
  scope()
    .get(`${R}/commits/${sha}/check-runs`)
    .query({ check_name: name, per_page: '1' })
    .reply(200, { total_count: runs.length, check_runs: runs });
export const mockCreateCheckRun = (matches: (body: Record<string, unknown>) => boolean, id = 4242, status = 201) =>
  scope()
    .post(`${R}/check-runs`, (body) => matches(body))
    .reply(status, status < 300 ? { id } : { message: 'Resource not accessible by integration' });
export const mockUpdateCheckRun = (id: number, matches: (body: Record<string, unknown>) => boolean) =>
  scope()
    .patch(`${R}/check-runs/${id}`, (body) => matches(body))
    .reply(200, { id });
export const mockReleaseByTag = (tag: string, body: object) =>
  scope()
    .get(`${R}/releases/tags/${encodeURIComponent(tag)}`)
    .reply(200, body);
export const mockUpdateRelease = (id: number, matches: (body: Record<string, unknown>) => boolean, status = 200) =>
  scope()
    .patch(`${R}/releases/${id}`, (body) => matches(body))
    .reply(status, status < 300 ? { id } : { message: 'Resource not accessible by integration' });

/** The contents API asked for a file's raw text (what the config reader asks). */
export const mockRawContents = ({
  owner = OWNER,
  repo = REPO,
  path,
  status,
  body,
  headers = {},
}: {
  owner?: string;
  repo?: string;
  path: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}) =>
  scope()
    .get(`/repos/${owner}/${repo}/contents/${encodeURIComponent(path)}`)
    .matchHeader('accept', /application\/vnd\.github\.v3\.raw/)
    .reply(status, body as nock.Body, headers);
