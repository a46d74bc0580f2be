/**
 * What REST cannot show (docs/kpis.md, "What the REST API cannot show"), as every report built from the API says
 * it. The App, which hears webhooks, is exact; its backfill is as good as REST.
 */
export const REST_LIMITATIONS: readonly string[] = [
  'Deleted releases are gone from the API, so they give no `retracted` rollback; an unpublished release looks like a draft, and a prerelease flag set later looks original.',
  'Approvals carry no time in the API: the run’s last update stands in.',
  'Labels are read as they are now, with their labelling times from the issue events API; a label removed since is still counted when it was added in time.',
  'Coverage and recorded rollbacks are read from the check runs of release commits; the `latest-before` coverage fallback sees only those.',
  'Dependabot alerts show their current state only: no reopen or first-fix history.',
];
