// Runs the committed bundle exactly as a runner does: `node action/dist/index.js`
// with INPUT_* variables, the GITHUB_* environment, a step-summary file and
// an output file, against a fake GitHub API.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BUNDLE = new URL('../../action/dist/index.js', import.meta.url).pathname;

export interface BundleRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  dir: string;
}

/** Parses the GITHUB_OUTPUT file @actions/core writes (`name<<DELIMITER` … `DELIMITER`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

export async function runBundle({
  apiUrl,
  inputs,
  eventName,
  event,
  repository = 'Codertocat/Hello-World',
  sha = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
  workspace,
  env: extraEnv = {},
}: {
  apiUrl: string;
  inputs: Record<string, string>;
  eventName: string;
  event: unknown;
  repository?: string;
  sha?: string;
  workspace?: string;
  /** More of the runner's environment (a proxy, extra CA certificates). */
  env?: NodeJS.ProcessEnv;
}): Promise<BundleRun> {
  const dir = await mkdtemp(join(tmpdir(), 'shipwell-action-'));
  const eventPath = join(dir, 'event.json');
  const summaryPath = join(dir, 'summary.md');
  const outputPath = join(dir, 'output.txt');
  await writeFile(eventPath, JSON.stringify(event));
  await writeFile(summaryPath, '');
  await writeFile(outputPath, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repository,
    GITHUB_SHA: sha,
    GITHUB_RUN_ID: '1658821493',
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace ?? dir,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    RUNNER_TEMP: dir,
    'INPUT_GITHUB-TOKEN': 'ghs_test',
    INPUT_CONFIG: '.github/shipwell.yml',
    INPUT_MODE: 'auto',
    'INPUT_COVERAGE-FORMAT': 'auto',
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const child = spawn(process.execPath, [BUNDLE], { env, cwd: workspace ?? dir });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return {
    code,
    stdout,
    stderr,
    summary: await readFile(summaryPath, 'utf8'),
    outputs: parseOutputFile(await readFile(outputPath, 'utf8')),
    dir,
  };
}
