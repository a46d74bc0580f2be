import type { Logger, ProbotOctokit } from 'probot';

/** An authenticated Probot Octokit (installation token or App JWT). */
export type AppOctokit = InstanceType<typeof ProbotOctokit>;

/** Where the App gets its GitHub clients: Probot's `auth`. */
export interface GitHubAccess {
  /** A client for one installation (installation token). */
  installation(installationId: number): Promise<AppOctokit>;
  /** The App's own client (JWT): `/app/hook/deliveries` and the like. */
  app(): Promise<AppOctokit>;
}

/** What every job is handed beside its own slice of the store. */
export interface JobHelpers {
  github: GitHubAccess;
  log: Logger;
  clock: () => number;
  /** This replica's worker id: claims are made in its name. */
  worker: string;
  /** GitHub's web root, where published verdicts link their evidence (https://github.com, or GHE's). */
  githubUrl: string;
  /** Where people reach the App (SHIPWELL_PUBLIC_URL): verdicts link the org's dashboard; null: no link. */
  publicUrl: string | null;
}
