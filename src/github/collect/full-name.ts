/** `owner/name`, the key of every fact. */
export function fullName({ owner, repo }: { owner: string; repo: string }): string {
  return `${owner}/${repo}`;
}
