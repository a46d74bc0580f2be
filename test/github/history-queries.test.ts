// Every GraphQL document the org collector sends is valid against GitHub's
// published schema (@octokit/graphql-schema): a query GitHub would reject
// fails here first.
import { validate } from '@octokit/graphql-schema';
import { describe, expect, it } from 'vitest';
import { buildHistoryQuery, type HistoryQuery } from '../../src/github/collect/build-history-query.ts';

const repos = [
  { owner: 'acme', repo: 'api' },
  { owner: 'acme', repo: 'web', after: 'Y3Vyc29yOjEwMA==' },
];

const every: HistoryQuery[] = [
  { kind: 'releases', repos },
  { kind: 'activity', repos, labels: ['rollback', 'revert'], since: '2026-01-01T00:00:00Z' },
  { kind: 'deployments', repos: repos.map((r) => ({ ...r, after: r.after ?? null })) },
  { kind: 'pulls', owner: 'acme', repo: 'api', after: 'Y3Vyc29yOjEwMA==' },
  { kind: 'pull', owner: 'acme', repo: 'api', numbers: [12, 40] },
  {
    kind: 'checks',
    commits: [
      { owner: 'acme', repo: 'api', oid: 'a'.repeat(40) },
      { owner: 'acme', repo: 'web', oid: 'b'.repeat(40) },
      { owner: 'acme', repo: 'api', oid: 'c'.repeat(40) },
    ],
  },
];

describe("the org collector's GraphQL queries", () => {
  it.each(every.map((input) => [input.kind, input] as const))("%s is valid against GitHub's schema", (_kind, input) => {
    const { query } = buildHistoryQuery(input);
    expect(validate(query).map((error) => error.message)).toEqual([]);
  });

  it('the schema check catches a field GitHub does not have', () => {
    const { query } = buildHistoryQuery({ kind: 'deployments', repos: [{ owner: 'acme', repo: 'api', after: null }] });
    expect(validate(query.replace('logUrl', 'logURL')).length).toBeGreaterThan(0);
  });
});
