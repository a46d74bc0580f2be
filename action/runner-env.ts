import { z } from 'zod';
import { ActionInputError } from './input-error.ts';

const runnerEnvSchema = z.object({
  GITHUB_REPOSITORY: z.string().regex(/^[^/\s]+\/[^/\s]+$/, { error: 'OWNER/NAME' }),
  GITHUB_SHA: z.string().regex(/^[0-9a-f]{40}$/i, { error: 'a commit sha' }),
  GITHUB_EVENT_NAME: z.string().min(1),
  GITHUB_EVENT_PATH: z.string().optional(),
  GITHUB_API_URL: z.url().default('https://api.github.com'),
  GITHUB_SERVER_URL: z.url().default('https://github.com'),
  GITHUB_RUN_ID: z.string().optional(),
  GITHUB_WORKSPACE: z.string().optional(),
  RUNNER_TEMP: z.string().min(1, { error: 'a directory (the runner sets it)' }),
});

/** What the runner tells every step through its environment. */
export type RunnerEnv = z.infer<typeof runnerEnvSchema> & { owner: string; repo: string };

/** The runner's environment, validated: a missing or malformed variable is named. */
export function readRunnerEnv(env: NodeJS.ProcessEnv): RunnerEnv {
  const parsed = runnerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) =>
        `${String(issue.path[0])}: expected ${issue.message}, found ${JSON.stringify(env[String(issue.path[0])])}`,
    );
    throw new ActionInputError(`the runner's environment is incomplete: ${problems.join('; ')}`);
  }
  const [owner, repo] = parsed.data.GITHUB_REPOSITORY.split('/') as [string, string];
  return { ...parsed.data, owner, repo };
}
