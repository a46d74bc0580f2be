/**
 * The GitHub side of Shipwell, shared by the Action, the App's backfill and
 * `shipwell report`. Every function takes `octokit: GitHubClient` (anything
 * with Octokit's `request` and `paginate`: createOctokit's client, Probot's
 * `context.octokit`) and does I/O only through it.
 *
 * Reading (kpis.md §9):
 * - `reportHorizon({ config, now })` → the `since` a report at `now` needs.
 * - `collectRepoFacts({ octokit, owner, repo, since, now, labels? })` →
 *   `{ facts, unavailable, limitations }`: the same facts webhooks give
 *   (synthetic origins `api:<kind>:<id>`); 403/404 parts are listed in
 *   `unavailable` with the permission they need.
 * - `collectOrgFacts({ octokit, org, since, now, labels? })` → the same for
 *   every repo of an org, plus `repos`.
 * - `resolveTagCommit({ octokit, owner, repo, tag })` → commit sha, annotated tags peeled.
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
export { collectOrgFacts } from './collect-org-facts.ts';
export { collectRepoFacts } from './collect-repo-facts.ts';
export { createOctokit, type OctokitLog } from './create-octokit.ts';
export { findCheckRun } from './find-check-run.ts';
export { httpStatus } from './http-status.ts';
export { publishReleaseVerdict } from './publish-release-verdict.ts';
export { ReadOnlyTokenError } from './read-only-token-error.ts';
export { recordCoverage } from './record-coverage.ts';
export { recordRollback } from './record-rollback.ts';
export { renderCollectionNotes } from './render-collection-notes.ts';
export { reportHorizon } from './report-horizon.ts';
export { resolveTagCommit } from './resolve-tag-commit.ts';
export { REST_LIMITATIONS } from './rest-limitations.ts';
export { SECTION_END, SECTION_START, spliceReleaseSection } from './splice-release-section.ts';
export type * from './types.ts';
export { RELEASE_BODY_LIMIT, updateReleaseNotes } from './update-release-notes.ts';
export { VERDICT_CHECK, type VerdictCheck, verdictCheck } from './verdict-check.ts';
