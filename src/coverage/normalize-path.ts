/** A backslash, a leading `/` or drive letter, an empty, `.` or `..` segment. */
const NEEDS_WORK = /\\|^\/|^[a-zA-Z]:|(^|\/)\.{0,2}(\/|$)/;

/**
 * A report's file path in the form reports are merged by: forward slashes,
 * no `./` or empty segments, `a/../` folded, and the runner's workspace
 * prefix removed from absolute paths (`/home/runner/work/app/app/src/a.ts`
 * → `src/a.ts`; Windows drive letters compare case-insensitively).
 */
export function normalizePath({ path, workspace }: { path: string; workspace?: string }): string {
  // Already normal (the common case in large reports): the same string, nothing allocated.
  if (!NEEDS_WORK.test(path)) return path;
  const clean = (text: string): string => {
    const slashed = text
      .replace(/\\/g, '/')
      .replace(/^([a-zA-Z]):\//, (_, drive: string) => `${drive.toLowerCase()}:/`);
    const absolute = slashed.startsWith('/');
    const out: string[] = [];
    for (const part of slashed.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else out.push(part);
    }
    return (absolute ? '/' : '') + out.join('/');
  };
  const cleaned = clean(path);
  if (workspace) {
    const root = clean(workspace).replace(/\/$/, '');
    if (root !== '' && cleaned.startsWith(`${root}/`)) return cleaned.slice(root.length + 1);
  }
  return cleaned;
}
