import * as core from '@actions/core';
import { useEnvProxy } from '../network/index.ts';
import { createOctokit } from '../src/github/index.ts';
import type { Instant } from '../src/time/index.ts';
import { chooseMode } from './choose-mode.ts';
import { describeConfig } from './describe-config.ts';
import { loadConfig } from './load-config.ts';
import type { ModeResult } from './mode-result.ts';
import { readEvent } from './read-event.ts';
import { readInputs } from './read-inputs.ts';
import { runCoverage } from './run-coverage.ts';
import { runOrgReport } from './run-org-report.ts';
import { runReport } from './run-report.ts';
import { runRollback } from './run-rollback.ts';
import { readRunnerEnv } from './runner-env.ts';

/**
 * The Action's one orchestrator: read inputs and the runner's environment,
 * pick the mode, run it, then write the job summary and outputs. Every error
 * ends here, in the one catch: the step fails with its message.
 */
export async function run({
  env = process.env,
  fetch,
  clock = Date.now,
}: {
  env?: NodeJS.ProcessEnv;
  fetch?: typeof globalThis.fetch;
  clock?: () => Instant;
} = {}): Promise<void> {
  try {
    // self-hosted and GHES runners reach GitHub through the proxy they name
    if (useEnvProxy(env) === 'unsupported') {
      core.warning(
        `HTTPS_PROXY/HTTP_PROXY is set but this runner's Node ${process.version} has no built-in proxy support (24.14 or later has it): requests go direct`,
      );
    }
    const inputs = readInputs((name) => core.getInput(name));
    const runner = readRunnerEnv(env);
    const mode = chooseMode({ inputs, eventName: runner.GITHUB_EVENT_NAME });
    core.setSecret(inputs['github-token']);
    const octokit = createOctokit({
      auth: inputs['github-token'],
      baseUrl: runner.GITHUB_API_URL,
      fetch,
      // Octokit logs every request (info) and every failed one (error), expected 404s too:
      // debug lines, not annotations. Rate-limit waits are warnings.
      log: { debug: core.debug, info: core.debug, warn: core.warning, error: core.debug },
      userAgent: 'shipwell-action',
    });
    const event = await readEvent({ name: runner.GITHUB_EVENT_NAME, path: runner.GITHUB_EVENT_PATH });
    // With `org`, the org's config (its `.github` repository's), as the App's dashboard uses.
    const scope =
      inputs.org === null ? { owner: runner.owner, repo: runner.repo } : { owner: inputs.org, repo: '.github' };
    const loaded = await loadConfig({
      path: inputs.config,
      workspace: runner.GITHUB_WORKSPACE ?? process.cwd(),
      checkedOut: `${scope.owner}/${scope.repo}`.toLowerCase() === runner.GITHUB_REPOSITORY.toLowerCase(),
      octokit,
      ...scope,
      segment: inputs.segment,
    });
    core.info(`shipwell: config: ${loaded.description}`);
    // Only a report and coverage's `fail-under: true` use the config: warn where it matters.
    const usesConfig = mode === 'report' || inputs['fail-under'] === 'min-coverage';
    if (usesConfig && loaded.files.length === 0 && loaded.refused.length > 0)
      core.warning(`No config could be read, the defaults apply: ${loaded.description}`);
    const { config } = loaded;
    const configNote = describeConfig(loaded);
    const context = { octokit, inputs, env: runner, event, config };
    const target = inputs.org === null ? runner.GITHUB_REPOSITORY : `every repository of ${inputs.org}`;
    core.info(`shipwell: ${mode} mode for ${target} (${runner.GITHUB_EVENT_NAME} event)`);
    let result: ModeResult;
    if (inputs.org !== null) {
      result = await runOrgReport({
        octokit,
        org: inputs.org,
        env: runner,
        config,
        configNote,
        now: inputs.now ?? clock(),
      });
    } else if (mode === 'report') {
      result = await runReport({ ...context, configNote, now: inputs.now ?? clock() });
    } else if (mode === 'coverage') {
      result = await runCoverage({ ...context, configNote });
    } else {
      result = await runRollback(context);
    }
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
    await core.summary.addRaw(result.summary).write();
    if (result.failure !== null) core.setFailed(result.failure);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
