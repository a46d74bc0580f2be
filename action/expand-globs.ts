import { glob } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { ActionInputError } from './input-error.ts';

/**
 * The files the `coverage-files` globs name, relative to the workspace, each
 * once, in glob order then path order. A glob that matches nothing is an
 * error naming it (a coverage step that silently measures nothing would lie).
 */
export async function expandGlobs({
  globs,
  workspace,
}: {
  globs: readonly string[];
  workspace: string;
}): Promise<string[]> {
  if (globs.length === 0)
    throw new ActionInputError('input "coverage-files": expected at least one file or glob, found none');
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of globs) {
    const matched: string[] = [];
    for await (const file of glob(pattern, { cwd: workspace }))
      matched.push(isAbsolute(file) ? file : join(workspace, file));
    if (matched.length === 0) unmatched.push(pattern);
    for (const file of matched.sort()) files.add(file);
  }
  if (unmatched.length > 0) {
    throw new ActionInputError(
      `input "coverage-files": expected files, found nothing matching ${unmatched.map((g) => JSON.stringify(g)).join(', ')} in ${workspace}`,
    );
  }
  return [...files];
}
