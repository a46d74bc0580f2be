// An org of empty repositories (one archived long ago) on the one fake
// GitHub (test/github/fake-github.ts), for `shipwell report --org` and the
// App's backfill progress: every answer carries the token's rate-limit
// budget, shrinking by one a REST request, as GitHub's do.
import { emptyRepo, startFakeGitHub } from '../github/fake-github.ts';

export interface FakeOrg {
  url: string;
  /** Requests answered, in order (`METHOD /path`), the config reads left out. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startFakeOrg({ org, repos }: { org: string; repos: string[] }): Promise<FakeOrg> {
  const attic = { ...emptyRepo(org, 'attic', 99), archived: true, pushedAt: '2019-01-01T00:00:00Z' };
  const fake = await startFakeGitHub([...repos.map((name, i) => emptyRepo(org, name, i + 1)), attic]);
  return {
    url: fake.url,
    get requests() {
      return fake.requests
        .filter((r) => !/^\/repos\/[^/]+\/[^/]+\/contents\//.test(r.path))
        .map((r) => `${r.method} ${r.path}`);
    },
    close: () => fake.close(),
  };
}
