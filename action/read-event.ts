import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ActionInputError } from './input-error.ts';

const eventSchema = z.looseObject({
  release: z.looseObject({ tag_name: z.string().min(1) }).optional(),
  pull_request: z.looseObject({ head: z.looseObject({ sha: z.string().min(1) }) }).optional(),
});

/** The event payload the runner wrote (`GITHUB_EVENT_PATH`), as far as the Action reads it. */
export interface RunnerEvent {
  name: string;
  payload: Record<string, unknown>;
  /** The tag of a `release` event's release. */
  releaseTag: string | null;
  /** A pull request's head commit (check runs belong there, not on the merge commit). */
  pullHeadSha: string | null;
}

/** Reads and validates the event payload; no path (a local run) → an empty payload. */
export async function readEvent({ name, path }: { name: string; path: string | undefined }): Promise<RunnerEvent> {
  let payload: Record<string, unknown> = {};
  if (path) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new ActionInputError(`GITHUB_EVENT_PATH ${path}: cannot read (${(error as NodeJS.ErrnoException).code})`);
    }
    try {
      payload = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new ActionInputError(`GITHUB_EVENT_PATH ${path}: expected JSON, found ${(error as Error).message}`);
    }
  }
  const parsed = eventSchema.safeParse(payload);
  if (!parsed.success) {
    throw new ActionInputError(
      `GITHUB_EVENT_PATH ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return {
    name,
    payload,
    releaseTag: name === 'release' ? (parsed.data.release?.tag_name ?? null) : null,
    pullHeadSha: parsed.data.pull_request?.head.sha.toLowerCase() ?? null,
  };
}
