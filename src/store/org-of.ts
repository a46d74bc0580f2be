/** The owner part of `owner/name` (the whole text when it has no slash). */
export function orgOf(repo: string): string {
  const slash = repo.indexOf('/');
  return slash < 0 ? repo : repo.slice(0, slash);
}
