import type { Octokit } from '@octokit/rest';
import type { Fact } from '../events/types.ts';

/**
 * What every function of `src/github` needs from a client: `request` and
 * `paginate` with REST routes. An Octokit from `createOctokit`, Probot's
 * `context.octokit` and `@actions/github`'s `getOctokit` all qualify.
 */
export type GitHubClient = Pick<Octokit, 'request' | 'paginate'>;

/** A part of the history the token may not read, and the permission it needs. */
export interface UnavailablePart {
  /** What is missing, for people: `Dependabot alerts`, `workflow runs`, … */
  part: string;
  /**
   * The permission to grant, as a workflow's `permissions:` block names it (and the App's, after a slash);
   * on a 403, what GitHub's `x-accepted-github-permissions` header says the request needed, when it says.
   */
  permission: string;
  /** `forbidden`: GitHub answered 403 (the token lacks the permission); `not-found`: 404 (absent, or the feature is off). */
  reason: 'forbidden' | 'not-found';
}

/**
 * What the REST collector read: the same facts webhooks give, the parts it
 * could not read, and what REST cannot show at all (docs/kpis.md, "What the REST API cannot show") — reports say
 * so instead of guessing.
 */
export interface CollectedFacts {
  facts: Fact[];
  unavailable: UnavailablePart[];
  limitations: string[];
}

/** A check run as Shipwell compares it before writing: enough to skip an unchanged one. */
export interface ExistingCheckRun {
  id: number;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
}

/** What publishing did: created, updated, left alone (unchanged), or skipped (turned off in config). */
export interface PublishResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  checkRunId: number | null;
}

/** What every part of the collector is given. */
export interface RepoRef {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  /** Read nothing older than this (see reportHorizon). */
  since: number;
  now: number;
}

/**
 * What the collector tells while it works, so an adapter can show progress
 * (the CLI's line on stderr, the App's log). Requests are seen separately,
 * on the client (observeResponses).
 */
export interface CollectionProgress {
  /** The repositories to collect are known (an org's, archived ones left out). */
  planned(input: { repos: number }): void;
  /** One repository's history is collected. */
  repoDone(input: { repo: string }): void;
  /** One repository's recent window (the current and last complete periods) is collected. */
  recentDone?(input: { repo: string }): void;
  /** Every repository's recent window is collected: a partial report can be shown. */
  partialReady?(): void;
}

/** What one answer from GitHub said about the client's rate-limit budget. */
export interface ResponseSeen {
  status: number;
  /** `x-ratelimit-remaining`; null when the answer has none (GitHub Enterprise with limits off). */
  rateLimitRemaining: number | null;
  /** `x-ratelimit-reset` in epoch milliseconds; null when absent. */
  rateLimitReset: number | null;
}
