import type { Logger, ProbotOctokit } from 'probot';
import type { Store } from '../src/store/index.ts';
import type { ComputeReport } from './start-report-thread.ts';

/** An authenticated Probot Octokit (installation token or App JWT). */
export type AppOctokit = InstanceType<typeof ProbotOctokit>;

/** Where the App gets its GitHub clients: Probot's `auth`. */
export interface GitHubAccess {
  /** A client for one installation (installation token). */
  installation(installationId: number): Promise<AppOctokit>;
  /** The App's own client (JWT): `/app/hook/deliveries` and the like. */
  app(): Promise<AppOctokit>;
}

/** What the App's jobs share: the store, GitHub, a log, a clock and this replica's name. */
export interface AppDeps {
  store: Store;
  github: GitHubAccess;
  log: Logger;
  clock: () => number;
  /** This replica's worker id: claims are made in its name. */
  worker: string;
  /** Computes a report off this thread (the App's report thread); absent: computed here (tests). */
  computeReport?: ComputeReport;
}
