import * as core from '@actions/core';
import { useEnvProxy } from '../network/index.ts';
import { createOctokit } from '../src/github/index.ts';
import type { Instant } from '../src/time/index.ts';
import { chooseMode } from './choose-mode.ts';
import { loadConfig } from './load-config.ts';
import type { ModeResult } from './mode-result.ts';
import { readEvent } from './read-event.ts';
import { readInputs } from './read-inputs.ts';
import { runCoverage } from './run-coverage.ts';
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
    const { config, source } = await loadConfig({
      path: inputs.config,
      workspace: runner.GITHUB_WORKSPACE ?? process.cwd(),
      octokit,
      owner: runner.owner,
      repo: runner.repo,
      segment: inputs.segment,
    });
    const context = { octokit, inputs, env: runner, event, config };
    core.info(`shipwell: ${mode} mode for ${runner.GITHUB_REPOSITORY} (${runner.GITHUB_EVENT_NAME} event)`);
    let result: ModeResult;
    if (mode === 'report') {
      result = await runReport({ ...context, configSource: source, now: inputs.now ?? clock() });
    } else if (mode === 'coverage') {
      result = await runCoverage(context);
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
