import type { ReadOnlyTokenError } from '../src/github/index.ts';

/** The one summary line a read-only token (a fork's pull request) gets: why nothing was written. */
export function readOnlyNote({ error, needs }: { error: ReadOnlyTokenError; needs: string }): string {
  return `> [!NOTE]\n> Nothing was written to GitHub: the token is read-only (${error.route} was refused; pull requests from forks get a read-only token). Grant \`${needs}\` to publish.`;
}
