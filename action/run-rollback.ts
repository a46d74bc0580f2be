import { printRollbackSummary } from '../src/events/index.ts';
import { type GitHubClient, ReadOnlyTokenError, recordRollback, resolveTagCommit } from '../src/github/index.ts';
import { escapeMarkdown } from '../src/markdown/index.ts';
import { fitJobSummary } from './fit-job-summary.ts';
import { ActionInputError } from './input-error.ts';
import type { ActionInputs } from './inputs.ts';
import type { ModeResult } from './mode-result.ts';
import type { RunnerEvent } from './read-event.ts';
import { readOnlyNote } from './read-only-note.ts';
import type { RunnerEnv } from './runner-env.ts';

/**
 * `rollback` mode: a `shipwell/rollback` check run on the rolled-back
 * release's commit (the `release` input, else the event's release) with
 * `Release:` and `Reason:` lines; the next report and the App count it.
 */
export async function runRollback({
  octokit,
  inputs,
  env,
  event,
}: {
  octokit: GitHubClient;
  inputs: ActionInputs;
  env: RunnerEnv;
  event: RunnerEvent;
}): Promise<ModeResult> {
  const tag = inputs.release ?? event.releaseTag;
  if (tag === null)
    throw new ActionInputError('input "release": expected the tag of the release rolled back, found nothing');
  const sha = await resolveTagCommit({ octokit, owner: env.owner, repo: env.repo, tag });
  if (sha === null) {
    throw new ActionInputError(`input "release": expected a tag of ${env.GITHUB_REPOSITORY}, found no tag "${tag}"`);
  }
  let line: string;
  try {
    const id = await recordRollback({ octokit, owner: env.owner, repo: env.repo, sha, tag, reason: inputs.reason });
    line = `Recorded as check run \`shipwell/rollback\` #${id} on ${sha.slice(0, 7)}: the next report counts it.`;
  } catch (error) {
    if (!(error instanceof ReadOnlyTokenError)) throw error;
    line = readOnlyNote({ error, needs: 'checks: write' });
  }
  return {
    summary: fitJobSummary([
      `## Shipwell rollback of \`${escapeMarkdown(tag)}\``,
      printRollbackSummary({ tag, reason: inputs.reason })
        .split('\n')
        .map((l) => `- ${escapeMarkdown(l)}`)
        .join('\n'),
      line,
    ]),
    outputs: {},
    failure: null,
  };
}
