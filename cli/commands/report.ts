import {
  type CollectedFacts,
  collectOrgHistory,
  collectRepoFacts,
  createOctokit,
  createProgressMeter,
  describeTransientFailure,
  httpStatus,
  observeResponses,
  renderCollectionNotes,
  reportHorizon,
  useConditionalRequests,
  useRateBudget,
} from '../../src/github/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import { renderReportMarkdown } from '../../src/markdown/index.ts';
import type { Command } from '../command.ts';
import { createProgressDisplay } from '../create-progress-display.ts';
import { InputError, NetworkError } from '../errors.ts';
import { loadReportConfig } from '../load-report-config.ts';
import { parseNow } from '../parse-now.ts';
import { parseOptions } from '../parse-options.ts';

const help = `Usage: shipwell report (--repo OWNER/NAME | --org ORG) [--config FILE] [--now ISO] [--format json|markdown]

Collects history through the GitHub REST API and prints the KPI report:
releases and their commits, deployments, workflow runs and their attempts,
merged and reverted pull requests, rollback labels, Shipwell's check runs,
Dependabot alerts, topics and custom properties — only as far back as the
report needs. What the token may not read is listed ("not available: needs
…"), and so is what REST cannot show at all. While it works, stderr shows
repositories done, requests made, the rate limit left and the time to go: a
live line on a terminal, a line every 30 s elsewhere.

Environment:
  GH_TOKEN, GITHUB_TOKEN  the token (a fine-grained or classic PAT, a
                   workflow's, or \`gh auth token\`); GH_TOKEN wins when both are set
  GITHUB_API_URL   the API root (default https://api.github.com)
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY  a proxy to reach it through

Options:
  --repo OWNER/NAME  one repository
  --org ORG          every repository of an organisation
  --config FILE      a .github/shipwell.yml standing in for the repository's
                     (the org's .github repository's with --org); default:
                     read through the API, else the org's .github
                     repository's; _extends is followed either way
  --now ISO          evaluate as of this instant; facts after it are ignored
                     (default: the current time)
  --format FORMAT    json (default) or markdown

Which config file(s) were used is said on stderr.

Exit codes: 0 ok, 2 bad input (a flag, the config, a repository or token
GitHub refuses), 3 GitHub unreachable or unavailable (network, timeout,
server error, rate limit spent: try again later).`;

const REPO = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

/** A line of progress on stderr at most this often where stderr is not a terminal. */
const PROGRESS_INTERVAL = 30_000;

/**
 * `shipwell report`; `env`, `fetch`, `clock` and `progressInterval` are
 * parameters so tests can point it at a fake GitHub and see its progress.
 */
export function createReportCommand({
  env = process.env,
  fetch,
  clock = Date.now,
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  progressInterval = PROGRESS_INTERVAL,
}: {
  env?: NodeJS.ProcessEnv;
  fetch?: typeof globalThis.fetch;
  clock?: () => number;
  /** Waits for a spent rate limit to reset (tests pass one that moves their clock). */
  sleep?: (ms: number) => Promise<void>;
  progressInterval?: number;
} = {}): Command {
  return {
    name: 'report',
    summary: 'collect history through the GitHub API and compute the KPI report',
    help,
    async run(args, io) {
      const { values } = parseOptions({
        command: 'report',
        args,
        options: {
          repo: { type: 'string' },
          org: { type: 'string' },
          config: { type: 'string' },
          now: { type: 'string' },
          format: { type: 'string', default: 'json' },
        },
      });
      if ((values.repo === undefined) === (values.org === undefined)) {
        throw new InputError("expected exactly one of --repo OWNER/NAME or --org ORG; see 'shipwell report --help'");
      }
      const repoMatch = values.repo === undefined ? null : REPO.exec(values.repo);
      if (values.repo !== undefined && repoMatch === null) {
        throw new InputError(`--repo: expected OWNER/NAME, found "${values.repo}"`);
      }
      if (values.format !== 'json' && values.format !== 'markdown') {
        throw new InputError(`--format: expected json or markdown, found "${values.format}"`);
      }
      const now = parseNow(values.now, clock);
      const token = env.GH_TOKEN?.trim() || env.GITHUB_TOKEN?.trim() || undefined;
      const tokenName = env.GH_TOKEN?.trim() ? 'GH_TOKEN' : 'GITHUB_TOKEN';
      if (!token) {
        io.stderr.write(
          'shipwell report: neither GH_TOKEN nor GITHUB_TOKEN is set; asking GitHub without a token (60 requests/hour)\n',
        );
      }
      const apiUrl = env.GITHUB_API_URL || 'https://api.github.com';
      const octokit = createOctokit({
        auth: token,
        baseUrl: apiUrl,
        fetch,
        userAgent: 'shipwell-cli',
        log: {
          debug: () => {},
          info: () => {},
          warn: (message) => io.stderr.write(`shipwell report: ${message}\n`),
          error: () => {},
        },
      });
      const scope = repoMatch ? { owner: repoMatch[1]!, repo: repoMatch[2]! } : { owner: values.org!, repo: '.github' };
      const loaded = await loadReportConfig({ octokit, ...scope, file: values.config }).catch((error: unknown) => {
        const transient = describeTransientFailure(error);
        throw transient === null ? error : new NetworkError(`${apiUrl}: ${transient}`);
      });
      io.stderr.write(`shipwell report: config: ${loaded.description}\n`);
      if (loaded.files.length === 0 && loaded.refused.length > 0) {
        io.stderr.write(
          'shipwell report: warning: the token may not read the config, so the report uses the defaults; give it read access to the repository contents named above\n',
        );
      }
      const { config } = loaded;
      const display = createProgressDisplay({
        stream: io.stderr,
        clock,
        interval: progressInterval,
        prefix: 'shipwell report: ',
      });
      const progress = createProgressMeter({ clock, onChange: (meter) => display.update(meter.snapshot()) });
      observeResponses({ octokit, onResponse: (response) => progress.responded(response) });
      // a spent rate limit is waited for (the progress line says until when); re-reads cost nothing on a 304
      useRateBudget({ octokit, clock, sleep, mode: 'wait', onWait: ({ until }) => progress.waiting({ until }) });
      useConditionalRequests({ octokit, cache: new Map() });
      const since = reportHorizon({ config, now });
      let collected: CollectedFacts;
      const target = values.repo ?? `org ${values.org}`;
      try {
        if (repoMatch) {
          progress.planned({ repos: 1 });
          collected = await collectRepoFacts({
            octokit,
            owner: repoMatch[1]!,
            repo: repoMatch[2]!,
            since,
            now,
            labels: config.rollback.labels,
          });
          progress.repoDone({ repo: values.repo! });
        } else {
          collected = await collectOrgHistory({
            octokit,
            org: values.org!,
            horizon: since,
            partialSince: reportHorizon({ config, now, periods: 2 }),
            now,
            labels: config.rollback.labels,
            progress,
          });
        }
      } catch (error) {
        const transient = describeTransientFailure(error);
        if (transient !== null) throw new NetworkError(`${apiUrl}: ${transient}`);
        const status = httpStatus(error);
        if (status === 401) throw new InputError(`${tokenName}: GitHub refused the token (401 Bad credentials)`);
        if (status === 404 || status === 403) {
          throw new InputError(
            `${values.repo ? '--repo' : '--org'} ${target}: GitHub answered ${status}: not found, or the token cannot see it`,
          );
        }
        throw error;
      } finally {
        display.finish(progress.snapshot());
      }
      const report = computeReport({
        facts: collected.facts,
        config,
        now,
        ...(repoMatch ? { repo: values.repo! } : {}),
      });
      if (values.format === 'json') {
        const json = {
          ...report,
          collection: { unavailable: collected.unavailable, limitations: collected.limitations },
        };
        io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        const notes = renderCollectionNotes(collected);
        io.stdout.write(
          // --repo: one repository's figures, labelled as its own; --org: each segment across the org's
          // repositories (docs/report.md, "Which repositories a figure covers").
          `${renderReportMarkdown({ report, maxLength: Number.MAX_SAFE_INTEGER, ...(repoMatch ? { repo: values.repo! } : {}) })}${notes ? `\n${notes}\n` : ''}`,
        );
      }
    },
  };
}

export const reportCommand: Command = createReportCommand();
