import { COVERAGE_CHECK, ROLLBACK_CHECK } from '../../events/index.ts';

/** The GraphQL reads of the org collector (docs/app.md, "The first hour"). */
export type HistoryQuery =
  | { kind: 'releases'; repos: readonly { owner: string; repo: string; after?: string | null }[] }
  | {
      kind: 'activity';
      repos: readonly { owner: string; repo: string }[];
      labels: readonly string[];
      since: string;
    }
  | { kind: 'deployments'; repos: readonly { owner: string; repo: string; after: string | null }[] }
  | { kind: 'pulls'; owner: string; repo: string; after: string | null }
  | { kind: 'pull'; owner: string; repo: string; numbers: readonly number[] }
  | { kind: 'checks'; commits: readonly { owner: string; repo: string; oid: string }[] };

/** Page sizes: what each list costs (GitHub prices a connection by its `first`). */
export const PAGE = {
  releases: 100,
  deployments: 20,
  statuses: 10,
  pulls: 100,
  labelled: 5,
  labelings: 5,
  suites: 10,
  checkRuns: 20,
  topics: 20,
  environments: 5,
} as const;

const RELEASE_FIELDS = 'databaseId tagName name isDraft isPrerelease createdAt publishedAt tagCommit { oid }';
const PULL_FIELDS = 'number title mergedAt updatedAt headRefName';
const LABELLED = `nodes { number title body updatedAt timelineItems(itemTypes: [LABELED_EVENT], first: ${PAGE.labelings}) { pageInfo { hasNextPage } nodes { ... on LabeledEvent { id createdAt label { name } } } } }`;
const DEPLOYMENTS = `deployments(first: ${PAGE.deployments}, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
    pageInfo { hasNextPage endCursor }
    nodes {
      databaseId createdAt environment commitOid ref { name }
      creator { __typename login }
      statuses(first: ${PAGE.statuses}) { pageInfo { hasNextPage } nodes { id state createdAt environment logUrl } }
    }
  }`;
const checkRuns = (alias: string, name: string) =>
  `${alias}: checkRuns(first: ${PAGE.checkRuns}, filterBy: { checkName: "${name}", checkType: ALL, status: COMPLETED }) {
          nodes { databaseId name status conclusion startedAt completedAt title summary }
        }`;

/**
 * One GraphQL document and its variables. Many repositories share a query
 * through aliases (`r0`, `r1`, …); every list is newest first, so a reader
 * stops at the first item older than its window.
 */
export function buildHistoryQuery(input: HistoryQuery): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const declare = (name: string, type: string, value: unknown) => {
    variables[name] = value;
    return `$${name}: ${type}`;
  };
  switch (input.kind) {
    case 'releases': {
      const declared: string[] = [];
      const fields = input.repos.map((r, i) => {
        declared.push(
          declare(`o${i}`, 'String!', r.owner),
          declare(`n${i}`, 'String!', r.repo),
          declare(`a${i}`, 'String', r.after ?? null),
        );
        return `r${i}: repository(owner: $o${i}, name: $n${i}) {
    databaseId
    repositoryTopics(first: ${PAGE.topics}) { nodes { topic { name } } }
    releases(first: ${PAGE.releases}, after: $a${i}, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ${RELEASE_FIELDS} }
    }
  }`;
      });
      return {
        query: `query Releases(${declared.join(', ')}) {\n  rateLimit { cost remaining resetAt }\n  ${fields.join('\n  ')}\n}`,
        variables,
      };
    }
    case 'activity': {
      const declared = [declare('labels', '[String!]', [...input.labels]), declare('since', 'DateTime', input.since)];
      const fields = input.repos.map((r, i) => {
        declared.push(declare(`o${i}`, 'String!', r.owner), declare(`n${i}`, 'String!', r.repo));
        return `r${i}: repository(owner: $o${i}, name: $n${i}) {
    pullRequests(first: ${PAGE.pulls}, states: [MERGED], orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ${PULL_FIELDS} }
    }
    labelledIssues: issues(first: ${PAGE.labelled}, labels: $labels, filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: DESC }) { pageInfo { hasNextPage } ${LABELLED} }
    labelledPulls: pullRequests(first: ${PAGE.labelled}, labels: $labels, orderBy: { field: UPDATED_AT, direction: DESC }) { pageInfo { hasNextPage } ${LABELLED} }
    environments(first: ${PAGE.environments}) { pageInfo { hasNextPage } nodes { protectionRules(first: 5) { nodes { type } } } }
  }`;
      });
      return {
        query: `query Activity(${declared.join(', ')}) {\n  rateLimit { cost remaining resetAt }\n  ${fields.join('\n  ')}\n}`,
        variables,
      };
    }
    case 'deployments': {
      const declared: string[] = [];
      const fields = input.repos.map((r, i) => {
        declared.push(
          declare(`o${i}`, 'String!', r.owner),
          declare(`n${i}`, 'String!', r.repo),
          declare(`a${i}`, 'String', r.after),
        );
        return `r${i}: repository(owner: $o${i}, name: $n${i}) {\n  ${DEPLOYMENTS.replace('$after', `$a${i}`)}\n  }`;
      });
      return {
        query: `query Deployments(${declared.join(', ')}) {\n  rateLimit { cost remaining resetAt }\n  ${fields.join('\n  ')}\n}`,
        variables,
      };
    }
    case 'pulls': {
      const declared = [
        declare('owner', 'String!', input.owner),
        declare('name', 'String!', input.repo),
        declare('after', 'String', input.after),
      ];
      return {
        query: `query Pulls(${declared.join(', ')}) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    pullRequests(first: ${PAGE.pulls}, after: $after, states: [MERGED], orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ${PULL_FIELDS} }
    }
  }
}`,
        variables,
      };
    }
    case 'pull': {
      const declared = [declare('owner', 'String!', input.owner), declare('name', 'String!', input.repo)];
      const fields = input.numbers.map((number, i) => {
        declared.push(declare(`p${i}`, 'Int!', number));
        return `p${i}: pullRequest(number: $p${i}) { ${PULL_FIELDS} }`;
      });
      return {
        query: `query Pull(${declared.join(', ')}) {\n  rateLimit { cost remaining resetAt }\n  repository(owner: $owner, name: $name) {\n    ${fields.join('\n    ')}\n  }\n}`,
        variables,
      };
    }
    case 'checks': {
      const declared: string[] = [];
      const byRepo = new Map<string, { owner: string; repo: string; fields: string[] }>();
      input.commits.forEach((commit, i) => {
        declared.push(declare(`c${i}`, 'GitObjectID!', commit.oid));
        const key = `${commit.owner}/${commit.repo}`;
        const entry = byRepo.get(key) ?? { owner: commit.owner, repo: commit.repo, fields: [] };
        entry.fields.push(`c${i}: object(oid: $c${i}) {
      ... on Commit {
        oid
        checkSuites(first: ${PAGE.suites}) {
          pageInfo { hasNextPage }
          nodes {
        ${checkRuns('coverage', COVERAGE_CHECK)}
        ${checkRuns('rollback', ROLLBACK_CHECK)}
          }
        }
      }
    }`);
        byRepo.set(key, entry);
      });
      const repos = [...byRepo.values()].map((entry, j) => {
        declared.push(declare(`o${j}`, 'String!', entry.owner), declare(`n${j}`, 'String!', entry.repo));
        return `r${j}: repository(owner: $o${j}, name: $n${j}) {\n    ${entry.fields.join('\n    ')}\n  }`;
      });
      return {
        query: `query Checks(${declared.join(', ')}) {\n  rateLimit { cost remaining resetAt }\n  ${repos.join('\n  ')}\n}`,
        variables,
      };
    }
  }
}
