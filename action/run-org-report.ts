import type { Config } from '../src/config/types.ts';
import {
  collectOrgFacts,
  type GitHubClient,
  httpStatus,
  renderCollectionNotes,
  reportHorizon,
} from '../src/github/index.ts';
import { computeReport } from '../src/kpi/index.ts';
import { escapeMarkdown, renderReportMarkdown } from '../src/markdown/index.ts';
import type { Instant } from '../src/time/index.ts';
import { fitJobSummary, REPORT_MARKDOWN_LIMIT } from './fit-job-summary.ts';
import { ActionInputError } from './input-error.ts';
import type { ModeResult } from './mode-result.ts';
import { reportOutputs } from './report-outputs.ts';
import type { RunnerEnv } from './runner-env.ts';
import { writeReportFile } from './write-report-file.ts';

/**
 * The `org` input: the report of every repository of the organisation
 * (`GET /orgs/{org}/repos`, then each one's history), segments included,
 * computed with the org's config — what the App's dashboard shows. It only
 * reads: each repository's releases are published by its own workflow or
 * the App. Job summary, outputs (the org's current period), JSON report.
 */
export async function runOrgReport({
  octokit,
  org,
  env,
  config,
  configNote,
  now,
}: {
  octokit: GitHubClient;
  org: string;
  env: Pick<RunnerEnv, 'RUNNER_TEMP'>;
  config: Config;
  /** Which config file(s) were used (describeConfig). */
  configNote: string;
  now: Instant;
}): Promise<ModeResult> {
  const since = reportHorizon({ config, now });
  let collected: Awaited<ReturnType<typeof collectOrgFacts>>;
  try {
    collected = await collectOrgFacts({ octokit, org, since, now, labels: config.rollback.labels });
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
    throw new ActionInputError(
      `input "org": GitHub answered 404 for the repositories of "${org}": no such organisation, or the token cannot see it (use an App installation token, see docs/action.md)`,
    );
  }
  const report = computeReport({ facts: collected.facts, config, now });
  const path = await writeReportFile({ dir: env.RUNNER_TEMP, report, collected });
  const count = collected.repos.length;
  const summary = fitJobSummary([
    renderReportMarkdown({
      report,
      trend: 'mermaid',
      maxLength: REPORT_MARKDOWN_LIMIT,
      fullReportHint: `Full report: \`${path}\` (the \`report\` output).`,
    }),
    `${count} repositor${count === 1 ? 'y' : 'ies'} of ${escapeMarkdown(org)} read; nothing written to GitHub (an org report only reads).`,
    renderCollectionNotes(collected),
    configNote,
  ]);
  return { summary, outputs: reportOutputs({ report, repo: org, tag: null, path }), failure: null };
}
