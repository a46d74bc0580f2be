import { CoverageFileError, readCoverageFiles } from '../files/index.ts';
import { rulesForSegment } from '../src/config/index.ts';
import type { Config } from '../src/config/types.ts';
import {
  CoverageError,
  type CoverageTableRow,
  coveragePercent,
  coverageTotals,
  mergeCoverage,
  renderCoverageMarkdown,
} from '../src/coverage/index.ts';
import { printCoverageLine } from '../src/events/index.ts';
import { type GitHubClient, ReadOnlyTokenError, recordCoverage } from '../src/github/index.ts';
import { expandGlobs } from './expand-globs.ts';
import { fitJobSummary } from './fit-job-summary.ts';
import { ActionInputError } from './input-error.ts';
import type { ActionInputs } from './inputs.ts';
import type { ModeResult } from './mode-result.ts';
import type { RunnerEvent } from './read-event.ts';
import { readOnlyNote } from './read-only-note.ts';
import type { RunnerEnv } from './runner-env.ts';

/**
 * `coverage` mode: parse and merge `coverage-files`, record a
 * `shipwell/coverage` check run on the commit (a pull request's head, else
 * GITHUB_SHA) whose `Lines:` line later reports read, totals per format in the
 * job summary. Fails only when the user set `fail-under` (a percent, or
 * `true` for the config's minCoverage) and coverage is under it.
 */
export async function runCoverage({
  octokit,
  inputs,
  env,
  event,
  config,
  configNote,
}: {
  octokit: GitHubClient;
  inputs: ActionInputs;
  env: RunnerEnv;
  event: RunnerEvent;
  config: Config;
  /** Which config file(s) were used (describeConfig): shown when fail-under takes the config's minCoverage. */
  configNote: string;
}): Promise<ModeResult> {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const files = await expandGlobs({ globs: inputs['coverage-files'], workspace });
  const format = inputs['coverage-format'] === 'auto' ? undefined : inputs['coverage-format'];
  let reports: Awaited<ReturnType<typeof readCoverageFiles>>;
  try {
    reports = await readCoverageFiles({ files, format });
  } catch (error) {
    if (error instanceof CoverageError || error instanceof CoverageFileError) throw new ActionInputError(error.message);
    throw error;
  }
  const merged = mergeCoverage(reports, { workspace });
  const totals = coverageTotals(merged);
  const rows: CoverageTableRow[] = merged.formats.map((one) => ({
    label: one,
    unit: merged.unit,
    totals: coverageTotals(
      mergeCoverage(
        reports.filter((report) => report.format === one),
        { workspace },
      ),
    ),
  }));
  if (rows.length !== 1)
    rows.push({ label: `total (${merged.formats.join('+') || 'none'})`, unit: merged.unit, totals });
  const table = renderCoverageMarkdown({ rows });

  const segment = config.segment;
  const threshold =
    inputs['fail-under'] === 'min-coverage'
      ? (segment ? rulesForSegment({ config, segment }) : config).minCoverage
      : inputs['fail-under'];
  const { covered, total } = totals.lines;
  const under = threshold !== null && (total === 0 || covered * 100 < threshold * total);
  const failure = under
    ? `${merged.unit} coverage ${total === 0 ? 'has nothing to cover' : `${coveragePercent(totals.lines)}% (${covered}/${total})`} is under fail-under ${threshold}%`
    : null;

  const sha = event.pullHeadSha ?? env.GITHUB_SHA.toLowerCase();
  let recorded = '';
  try {
    const id = await recordCoverage({
      octokit,
      owner: env.owner,
      repo: env.repo,
      sha,
      totals: totals.lines,
      details: table,
      conclusion: threshold === null ? 'neutral' : under ? 'failure' : 'success',
    });
    recorded = `Recorded as check run \`shipwell/coverage\` #${id} on ${sha.slice(0, 7)}: releases of this commit count it.`;
  } catch (error) {
    if (!(error instanceof ReadOnlyTokenError)) throw error;
    recorded = readOnlyNote({ error, needs: 'checks: write' });
  }
  const percent = total === 0 ? '' : String(coveragePercent(totals.lines));
  return {
    summary: fitJobSummary([
      '## Shipwell coverage',
      `${printCoverageLine(totals.lines)} · ${files.length} report file${files.length === 1 ? '' : 's'} covering ${totals.files} source file${totals.files === 1 ? '' : 's'}`,
      table,
      recorded,
      failure ? `❌ ${failure}` : '',
      inputs['fail-under'] === 'min-coverage' ? configNote : '',
    ]),
    outputs: { coverage: percent },
    failure,
  };
}
