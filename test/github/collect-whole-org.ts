// The org collector run once over an org of the fake GitHub, with the
// default config at `now`: what a test compares other ways of collecting to.
import { defaultConfig } from '../../src/config/index.ts';
import { collectOrgHistory, createOctokit, reportHorizon } from '../../src/github/index.ts';

export async function collectWholeOrg({ url, now, org = 'acme' }: { url: string; now: number; org?: string }) {
  const config = defaultConfig();
  const octokit = createOctokit({ auth: 't', baseUrl: url, fetch: globalThis.fetch, retries: false, throttle: false });
  return collectOrgHistory({
    octokit,
    org,
    horizon: reportHorizon({ config, now }),
    partialSince: reportHorizon({ config, now, periods: 2 }),
    now,
    labels: config.rollback.labels,
  });
}
