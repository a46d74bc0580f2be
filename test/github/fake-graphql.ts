// GitHub's GraphQL API as the fake plays it: queries are parsed, validated
// and executed against GitHub's published schema (@octokit/graphql-schema),
// answered from the same in-memory repositories the REST routes read, and
// priced as GitHub documents it ("Calculating a rate limit score"): each
// connection asked for costs one request per parent it may be asked for,
// the sum divided by 100, rounded, at least 1.
import { schema as published } from '@octokit/graphql-schema';
import {
  buildClientSchema,
  type DocumentNode,
  execute,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  parse,
  type SelectionSetNode,
  type ValueNode,
  validate,
} from 'graphql';
import type { FakeRepo } from './fake-github.ts';

type Json = Record<string, unknown>;

let schema: GraphQLSchema | null = null;

/** GitHub's schema, built once per process (half a second). */
export function githubSchema(): GraphQLSchema {
  if (schema) return schema;
  schema = buildClientSchema(published.json as unknown as Parameters<typeof buildClientSchema>[0]);
  return schema;
}

function argumentNumber(value: ValueNode | undefined, variables: Json): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

/** GitHub's documented score of a query: connection requests / 100, rounded, at least 1. */
export function queryCost(document: DocumentNode, variables: Json = {}): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let requests = 0;
  const walk = (set: SelectionSetNode | undefined, multiplier: number) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) walk(fragments.get(selection.name.value)?.selectionSet, multiplier);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, multiplier);
      else {
        const args = selection.arguments ?? [];
        const size =
          argumentNumber(args.find((a) => a.name.value === 'first')?.value, variables) ??
          argumentNumber(args.find((a) => a.name.value === 'last')?.value, variables);
        if (size !== null) {
          requests += multiplier;
          walk(selection.selectionSet, multiplier * size);
        } else walk(selection.selectionSet, multiplier);
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1);
  }
  return Math.max(1, Math.round(requests / 100));
}

const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : Number.NaN);
const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : null);

function connection<T>(items: T[], args: { first?: number; after?: string | null }, map: (item: T) => unknown) {
  const offset = args.after ? Number(Buffer.from(args.after, 'base64').toString('utf8').replace('cursor:', '')) : 0;
  const size = args.first ?? 100;
  const slice = items.slice(offset, offset + size);
  const end = offset + slice.length;
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      endCursor: slice.length > 0 ? Buffer.from(`cursor:${end}`).toString('base64') : null,
    },
    nodes: slice.map(map),
  };
}

function byTime(key: string, direction: unknown) {
  const sign = direction === 'ASC' ? 1 : -1;
  return (a: Json, b: Json) =>
    sign * (time(a[key]) - time(b[key]) || Number(a.id ?? a.number) - Number(b.id ?? b.number));
}

function actor(user: unknown) {
  if (!user || typeof user !== 'object') return null;
  const { login, type } = user as { login: string; type?: string };
  return type === 'Bot' ? { __typename: 'Bot', login: login.replace(/\[bot\]$/, '') } : { __typename: 'User', login };
}

function commitView(repo: FakeRepo, oid: string) {
  return {
    __typename: 'Commit',
    oid,
    checkSuites: (args: { first?: number; after?: string }) =>
      connection([0], args, () => ({
        __typename: 'CheckSuite',
        checkRuns: (runArgs: {
          first?: number;
          after?: string;
          filterBy?: { checkName?: string; checkType?: string };
        }) => {
          let runs = repo.checkRuns
            .filter((run) => run.head_sha === oid)
            .filter((run) => !runArgs.filterBy?.checkName || run.name === runArgs.filterBy.checkName)
            .sort((a, b) => Number(b.id) - Number(a.id));
          if (runArgs.filterBy?.checkType !== 'ALL') {
            runs = runs.filter((run, i) => runs.findIndex((r) => r.name === run.name) === i);
          }
          return connection(runs, runArgs, (run) => {
            const output = (run.output ?? {}) as { title?: string | null; summary?: string | null };
            return {
              databaseId: run.id,
              name: run.name,
              status: upper(run.status),
              conclusion: upper(run.conclusion),
              startedAt: run.started_at ?? null,
              completedAt: run.completed_at ?? null,
              title: output.title ?? null,
              summary: output.summary ?? null,
            };
          });
        },
      })),
  };
}

function peel(repo: FakeRepo, tag: string): string | null {
  let object = repo.refs[tag];
  for (let depth = 0; object?.type === 'tag' && depth < 5; depth++) object = repo.tagObjects[object.sha];
  return object?.type === 'commit' ? object.sha : null;
}

function issueView(item: Json, events: Json[]) {
  return {
    number: item.number,
    title: item.title,
    body: item.body ?? '',
    updatedAt: item.updated_at,
    timelineItems: (args: { first?: number; after?: string; itemTypes?: string[] }) =>
      connection(
        events.filter((e) => e.event === 'labeled'),
        args,
        (e) => ({
          __typename: 'LabeledEvent',
          id: `LE_${e.id}`,
          createdAt: e.created_at,
          label: { name: (e.label as { name: string }).name },
        }),
      ),
  };
}

const hasLabel = (item: Json, labels: string[] | undefined) =>
  !labels || (item.labels as { name: string }[]).some((l) => labels.includes(l.name));

function repositoryView(repo: FakeRepo) {
  return {
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: `${repo.owner}/${repo.name}`,
    environments: (args: { first?: number; after?: string }) =>
      connection(repo.environments, args, (e) => ({
        name: e.name,
        protectionRules: (ruleArgs: { first?: number; after?: string }) =>
          connection((e.protection_rules ?? []) as Json[], ruleArgs, (rule) => ({ type: upper(rule.type) })),
      })),
    repositoryTopics: (args: { first?: number; after?: string }) =>
      connection(repo.topics, args, (name) => ({ topic: { name } })),
    releases: (args: { first?: number; after?: string; orderBy?: { direction?: string } }) =>
      connection([...repo.releases].sort(byTime('created_at', args.orderBy?.direction)), args, (r) => {
        const oid = peel(repo, String(r.tag_name));
        return {
          databaseId: r.id,
          tagName: r.tag_name,
          name: r.name ?? null,
          isDraft: r.draft === true,
          isPrerelease: r.prerelease === true,
          createdAt: r.created_at,
          publishedAt: r.draft ? null : (r.published_at ?? null),
          tagCommit: oid ? commitView(repo, oid) : null,
        };
      }),
    deployments: (args: { first?: number; after?: string; orderBy?: { direction?: string } }) =>
      connection([...repo.deployments].sort(byTime('created_at', args.orderBy?.direction)), args, (d) => {
        const ref = String(d.ref ?? '');
        return {
          databaseId: d.id,
          createdAt: d.created_at,
          environment: d.environment ?? null,
          commitOid: d.sha,
          ref: /^[0-9a-f]{40}$/i.test(ref) || ref === '' ? null : { name: ref.replace(/^refs\/(tags|heads)\//, '') },
          creator: actor(d.creator),
          statuses: (statusArgs: { first?: number; after?: string }) =>
            connection(repo.statuses[Number(d.id)] ?? [], statusArgs, (s) => ({
              id: `DES_${s.id}`,
              state: upper(s.state),
              createdAt: s.created_at,
              environment: s.environment ?? null,
              logUrl: (s.log_url || s.target_url) ?? null,
            })),
        };
      }),
    pullRequests: (args: {
      first?: number;
      after?: string;
      states?: string[];
      labels?: string[];
      orderBy?: { field?: string; direction?: string };
    }) => {
      const labelled = repo.issues.filter((i) => i.pull_request && hasLabel(i, args.labels));
      const pulls = args.labels
        ? labelled
        : repo.pulls.filter((p) => !args.states?.includes('MERGED') || p.merged_at !== null);
      return connection([...pulls].sort(byTime('updated_at', args.orderBy?.direction)), args, (p) =>
        args.labels
          ? issueView(p, repo.issueEvents[Number(p.number)] ?? [])
          : {
              number: p.number,
              title: p.title,
              mergedAt: p.merged_at ?? null,
              updatedAt: p.updated_at,
              headRefName: (p.head as { ref: string }).ref,
            },
      );
    },
    pullRequest: ({ number }: { number: number }) => {
      const p = repo.pulls.find((pull) => pull.number === number);
      return p
        ? {
            number,
            title: p.title,
            mergedAt: p.merged_at ?? null,
            updatedAt: p.updated_at,
            headRefName: (p.head as { ref: string }).ref,
          }
        : null;
    },
    issues: (args: { first?: number; after?: string; labels?: string[]; filterBy?: { since?: string } }) => {
      const since = args.filterBy?.since;
      const issues = repo.issues
        .filter((i) => !i.pull_request && hasLabel(i, args.labels))
        .filter((i) => !since || time(i.updated_at) >= time(since))
        .sort(byTime('updated_at', 'DESC'));
      return connection(issues, args, (i) => issueView(i, repo.issueEvents[Number(i.number)] ?? []));
    },
    object: ({ oid }: { oid: string }) => commitView(repo, oid),
  };
}

/** Answers one GraphQL request; `cost` is what it spends (0 for a query GitHub would refuse). */
export function answerGraphql({
  repos,
  query,
  variables,
  rateLimit,
}: {
  repos: FakeRepo[];
  query: string;
  variables: Json;
  rateLimit: () => { limit: number; used: number; reset: number };
}): { cost: number; body: () => Promise<Json> } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { cost: 0, body: async () => ({ errors: [{ message: (error as Error).message }] }) };
  }
  const errors = validate(githubSchema(), document);
  if (errors.length > 0)
    return { cost: 0, body: async () => ({ errors: errors.map((e) => ({ message: e.message })) }) };
  const cost = queryCost(document, variables);
  const root = {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = repos.find((r) => `${r.owner}/${r.name}`.toLowerCase() === `${owner}/${name}`.toLowerCase());
      return repo ? repositoryView(repo) : null;
    },
    rateLimit: () => {
      const state = rateLimit();
      return {
        cost,
        limit: state.limit,
        used: state.used,
        remaining: state.limit - state.used,
        resetAt: new Date(state.reset).toISOString(),
        nodeCount: 0,
      };
    },
  };
  return {
    cost,
    body: async () => {
      const result = await execute({ schema: githubSchema(), document, rootValue: root, variableValues: variables });
      return {
        data: result.data ?? null,
        ...(result.errors ? { errors: result.errors.map((e) => ({ message: e.message, path: e.path })) } : {}),
      };
    },
  };
}
