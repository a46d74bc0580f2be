import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
import { fitJobSummary } from './fit-job-summary.ts';
import type { ActionInputs } from './inputs.ts';
import type { ModeResult } from './mode-result.ts';
import { publishReleases } from './publish-releases.ts';
import type { RunnerEvent } from './read-event.ts';
import { readOnlyNote } from './read-only-note.ts';
import { reportOutputs } from './report-outputs.ts';
import type { RunnerEnv } from './runner-env.ts';
import { selectReleases } from './select-releases.ts';

/** The Markdown report fits the 1 MiB job summary even at 3 bytes per UTF-16 unit. */
const REPORT_MARKDOWN_LIMIT = 300_000;

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
  configSource,
  now,
}: {
  octokit: GitHubClient;
  inputs: ActionInputs;
  env: RunnerEnv;
  event: RunnerEvent;
  config: Config;
  configSource: string;
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
    published = await publishReleases({ octokit, owner, repo, report, releases, config });
  } catch (error) {
    if (!(error instanceof ReadOnlyTokenError)) throw error;
    readOnly = readOnlyNote({ error, needs: 'checks: write, contents: write' });
  }

  const path = join(env.RUNNER_TEMP, 'shipwell-report.json');
  const json = { ...report, collection: { unavailable: collected.unavailable, limitations: collected.limitations } };
  await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);

  const summary = fitJobSummary([
    readOnly,
    renderReportMarkdown({
      report,
      maxLength: REPORT_MARKDOWN_LIMIT,
      fullReportHint: `Full report: \`${path}\` (the \`report\` output).`,
    }),
    published.length > 0 ? ['### Published', '', ...published].join('\n') : '',
    renderCollectionNotes(collected),
    `<sub>Config: ${configSource}</sub>`,
  ]);
  return {
    summary,
    outputs: reportOutputs({ report, repo: full, tag: inputs.release ?? event.releaseTag, path }),
    failure: null,
  };
}
