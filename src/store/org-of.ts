/** The owner part of `owner/name` (the whole text when it has no slash). */
export function orgOf(repo: string): string {
  const slash = repo.indexOf('/');
  return slash < 0 ? repo : repo.slice(0, slash);
}

/** The name part of `owner/name` (empty when it has no slash). */
export function nameOf(repo: string): string {
  const slash = repo.indexOf('/');
  return slash < 0 ? '' : repo.slice(slash + 1);
}
