import type { Config } from '../src/config/types.ts';
import { normalizeDelivery } from '../src/events/index.ts';
import {
  collectRepoFacts,
  type GitHubClient,
  ReadOnlyTokenError,
  renderCollectionNotes,
  reportHorizon,
} from '../src/github/index.ts';
import { computeReport } from '../src/kpi/index.ts';
import { renderReportMarkdown } from '../src/markdown/index.ts';
import type { Instant } from '../src/time/index.ts';
import { fitJobSummary, REPORT_MARKDOWN_LIMIT } from './fit-job-summary.ts';
import type { ActionInputs } from './inputs.ts';
import type { ModeResult } from './mode-result.ts';
import { publishReleases } from './publish-releases.ts';
import type { RunnerEvent } from './read-event.ts';
import { readOnlyNote } from './read-only-note.ts';
import { reportOutputs } from './report-outputs.ts';
import type { RunnerEnv } from './runner-env.ts';
import { selectReleases } from './select-releases.ts';
import { writeReportFile } from './write-report-file.ts';

/**
 * `report` mode: the repository's history through the API (plus the event's
 * own payload, so a release just published counts even if the API lags),
 * the report as of `now`, each open or changed release published (check run,
 * release notes), the JSON report written to RUNNER_TEMP, job summary and
 * outputs.
 */
export async function runReport({
  octokit,
  inputs,
  env,
  event,
  config,
  configNote,
  now,
}: {
  octokit: GitHubClient;
  inputs: ActionInputs;
  env: RunnerEnv;
  event: RunnerEvent;
  config: Config;
  /** Which config file(s) were used (describeConfig). */
  configNote: string;
  now: Instant;
}): Promise<ModeResult> {
  const { owner, repo } = env;
  const full = `${owner}/${repo}`;
  const since = reportHorizon({ config, now });
  const collected = await collectRepoFacts({ octokit, owner, repo, since, now, labels: config.rollback.labels });
  const eventFacts =
    event.name === 'release'
      ? (normalizeDelivery({
          id: `action:${env.GITHUB_RUN_ID ?? 'run'}:release`,
          name: event.name,
          payload: event.payload,
        }).facts ?? [])
      : [];
  const report = computeReport({ facts: [...collected.facts, ...eventFacts], config, now, repo: full });

  const releases = selectReleases({ report, repo: full, only: inputs.release, eventTag: event.releaseTag, now });
  let published: string[] = [];
  let readOnly = '';
  try {
    const webUrl = env.GITHUB_SERVER_URL;
    published = await publishReleases({ octokit, owner, repo, report, releases, config, webUrl });
  } catch (error) {
    if (!(error instanceof ReadOnlyTokenError)) throw error;
    readOnly = readOnlyNote({ error, needs: 'checks: write, contents: write' });
  }

  const path = await writeReportFile({ dir: env.RUNNER_TEMP, report, collected });

  const summary = fitJobSummary([
    readOnly,
    renderReportMarkdown({
      report,
      repo: full,
      trend: 'mermaid',
      maxLength: REPORT_MARKDOWN_LIMIT,
      fullReportHint: `Full report: \`${path}\` (the \`report\` output).`,
    }),
    published.length > 0 ? ['### Published', '', ...published].join('\n') : '',
    renderCollectionNotes(collected),
    configNote,
  ]);
  return {
    summary,
    outputs: reportOutputs({ report, repo: full, tag: inputs.release ?? event.releaseTag, path }),
    failure: null,
  };
}
