import type { ConfigFileReader, ConfigLocation } from './config-reads.ts';

/**
 * A source that reads one location from elsewhere — the repository's
 * checkout, a file the user named — and every other location (the org's
 * `.github` repository, `_extends` targets) through `read`. `name` is what
 * messages call the file. Owner and repository names compare as GitHub
 * compares them (case-insensitively).
 */
export function overlayConfigFile({
  location,
  name,
  text,
  read,
}: {
  location: ConfigLocation;
  name: string;
  text: string;
  read: ConfigFileReader;
}): ConfigFileReader {
  const key = (at: ConfigLocation) => [at.owner.toLowerCase(), at.repo.toLowerCase(), at.path].join('/');
  return async (at) => (key(at) === key(location) ? { found: 'file', text, name } : read(at));
}
