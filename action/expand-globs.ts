import { glob, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ActionInputError } from './input-error.ts';

/** Whether `path` is `root` or lies below it (both already resolved). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/**
 * The files the `coverage-files` globs name, relative to the workspace, each
 * once, in glob order then path order. A glob that matches nothing is an
 * error naming it (a coverage step that silently measures nothing would lie).
 * A file that resolves outside the workspace — an absolute or `../` path, or
 * a symlink committed in the repository pointing at `/proc/self/environ` or a
 * key — is refused, naming the glob and the path (docs/security.md, "Coverage
 * files").
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
  const root = await realpath(workspace);
  const files = new Set<string>();
  const unmatched: string[] = [];
  const outside: string[] = [];
  for (const pattern of globs) {
    const matched: string[] = [];
    for await (const file of glob(pattern, { cwd: workspace }))
      matched.push(isAbsolute(file) ? file : join(workspace, file));
    if (matched.length === 0) unmatched.push(pattern);
    for (const file of matched.sort()) {
      const resolved = await realpath(file).catch(() => file);
      if (isInside(root, resolved)) files.add(file);
      else outside.push(`${JSON.stringify(pattern)} names ${file}`);
    }
  }
  if (outside.length > 0) {
    throw new ActionInputError(
      `input "coverage-files": expected files inside the workspace ${workspace}, found ${outside.join(', ')}, which resolve${outside.length === 1 ? 's' : ''} outside it (symlinks are followed)`,
    );
  }
  if (unmatched.length > 0) {
    throw new ActionInputError(
      `input "coverage-files": expected files, found nothing matching ${unmatched.map((g) => JSON.stringify(g)).join(', ')} in ${workspace}`,
    );
  }
  return [...files];
}
