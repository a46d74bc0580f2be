// The App's view of the one fake GitHub (test/github/fake-github.ts), as
// Probot reaches it with GHE_HOST=127.0.0.1:PORT and GHE_PROTOCOL=http:
// any repository asked for exists, and the tests read and write its state
// by repository name — releases, `.github/shipwell.yml`, the check runs
// written — instead of through repository objects.
import {
  type CheckRun,
  type FakeFault,
  type FakeGitHubOptions,
  type RecordedRequest,
  type FakeGitHub as Server,
  startFakeGitHub as startServer,
} from '../github/fake-github.ts';

export type { CheckRun, FakeFault, RecordedRequest };

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

export interface FakeGitHub extends Server {
  /** Every check run written, across repositories (read-only view). */
  readonly checkRuns: CheckRun[];
  /** Releases by `owner/name`. */
  releases: Map<string, FakeRelease[]>;
  /** `.github/shipwell.yml` text by `owner/name`. */
  configs: Map<string, string>;
}

const CONFIG = '.github/shipwell.yml';

export async function startFakeGitHub(options: Omit<FakeGitHubOptions, 'anyRepo'> = {}): Promise<FakeGitHub> {
  const server = await startServer([], { ...options, anyRepo: true });
  const repo = (name: string) => server.repoNamed(name)!;
  class Releases extends Map<string, FakeRelease[]> {
    override get(name: string) {
      return repo(name).releases as unknown as FakeRelease[];
    }
    override set(name: string, list: FakeRelease[]) {
      repo(name).releases = list as unknown as typeof server.repo.releases;
      return this;
    }
    override has(name: string) {
      return server.repos.some((r) => `${r.owner}/${r.name}` === name);
    }
  }
  class Configs extends Map<string, string> {
    override get(name: string) {
      return repo(name).files[CONFIG];
    }
    override set(name: string, text: string) {
      repo(name).files[CONFIG] = text;
      return this;
    }
    override delete(name: string) {
      return delete repo(name).files[CONFIG];
    }
  }
  const fake = server as FakeGitHub;
  Object.defineProperty(fake, 'checkRuns', {
    get: () => server.repos.flatMap((r) => r.checkRuns) as unknown as CheckRun[],
  });
  fake.releases = new Releases();
  fake.configs = new Configs();
  return fake;
}
