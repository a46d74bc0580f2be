/**
 * The GitHub side of Shipwell, shared by the Action, the App's backfill and
 * `shipwell report`. Every function takes `octokit: GitHubClient` (anything
 * with Octokit's `request` and `paginate`: createOctokit's client, Probot's
 * `context.octokit`) and does I/O only through it.
 *
 * Reading (docs/kpis.md, "What the REST API cannot show"):
 * - `reportHorizon({ config, now })` → the `since` a report at `now` needs.
 * - `collectRepoFacts({ octokit, owner, repo, since, now, labels? })` →
 *   `{ facts, unavailable, limitations }`: the same facts webhooks give
 *   (synthetic origins `api:<kind>:<id>`); 403/404 parts are listed in
 *   `unavailable` with the permission they need.
 * - `collectOrgFacts({ octokit, org, since, now, labels?, progress? })` → the same for
 *   every repo of an org, plus `repos`; `progress` (CollectionProgress) hears
 *   the number of repositories and each one done.
 * - `collectOrgHistory({ octokit, org, horizon, partialSince, now, labels, progress? })` →
 *   the same facts for less budget (GraphQL where cheaper), newest window
 *   across the org first; `collectReposHistory` is one pass over a few
 *   repositories (the App's backfill batches).
 * - Budget: `useRateBudget({ octokit, clock, sleep, mode })` waits for (or,
 *   mode 'defer', throws BudgetExhaustedError at) a spent rate limit;
 *   `useConditionalRequests({ octokit, cache })` makes re-reads free on 304.
 * - Progress: `observeResponses({ octokit, onResponse })` sees every answer
 *   (requests, rate-limit budget); `createProgressMeter({ clock })` sums
 *   both up with a time to go; `describeProgress(snapshot)` words it.
 * - `resolveTagCommit({ octokit, owner, repo, tag })` → commit sha, annotated tags peeled.
 * - `createConfigFileReader({ octokit })` → the contents API as a config
 *   source for loadConfig (src/config).
 * - `findCheckRun({ octokit, owner, repo, sha, name })` → the newest run of that name, or null.
 *
 * Writing (each write refused with 403 "not accessible by integration"
 * throws ReadOnlyTokenError):
 * - `publishReleaseVerdict({ octokit, owner, repo, release, summary, config, previous? })`
 *   → `{ action: created|updated|unchanged|skipped, checkRunId }`: check run "Shipwell KPIs".
 * - `updateReleaseNotes({ octokit, owner, repo, tag, section, config? })` → changed?
 *   (pure part: `spliceReleaseSection(body, section)`).
 * - `recordCoverage({ octokit, owner, repo, sha, totals, details?, conclusion? })` → check run id.
 * - `recordRollback({ octokit, owner, repo, sha, tag, reason })` → check run id.
 *
 * Client: `createOctokit({ auth, baseUrl?, fetch?, retries?, throttle?, log? })`.
 */
export { collectOrgFacts } from './collect/collect-org-facts.ts';
export { collectOrgHistory } from './collect/collect-org-history.ts';
export { collectRepoFacts } from './collect/collect-repo-facts.ts';
export {
  collectReposHistory,
  type HistoryWindow,
  type RepoHistory,
  type RepoName,
} from './collect/collect-repos-history.ts';
export { createConfigFileReader } from './collect/create-config-file-reader.ts';
export { createProgressMeter, type ProgressMeter, type ProgressSnapshot } from './collect/create-progress-meter.ts';
export { describeProgress } from './collect/describe-progress.ts';
export { renderCollectionNotes } from './collect/render-collection-notes.ts';
export { reportHorizon } from './collect/report-horizon.ts';
export { resolveTagCommit } from './collect/resolve-tag-commit.ts';
export { REST_LIMITATIONS } from './collect/rest-limitations.ts';
export { createOctokit, type OctokitLog } from './create-octokit.ts';
export { describeTransientFailure } from './describe-transient-failure.ts';
export { httpStatus } from './http-status.ts';
export { observeResponses } from './observe-responses.ts';
export { findCheckRun } from './publish/find-check-run.ts';
export { publishReleaseVerdict } from './publish/publish-release-verdict.ts';
export { ReadOnlyTokenError } from './publish/read-only-token-error.ts';
export { recordCoverage } from './publish/record-coverage.ts';
export { recordRollback } from './publish/record-rollback.ts';
export { SECTION_END, SECTION_START, spliceReleaseSection } from './publish/splice-release-section.ts';
export { RELEASE_BODY_LIMIT, updateReleaseNotes } from './publish/update-release-notes.ts';
export { VERDICT_CHECK, type VerdictCheck, verdictCheck } from './publish/verdict-check.ts';
export type * from './types.ts';
export { type ConditionalCache, useConditionalRequests } from './use-conditional-requests.ts';
export { BudgetExhaustedError, type RateBudget, type RateResource, useRateBudget } from './use-rate-budget.ts';
