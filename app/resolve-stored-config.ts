import { type Config, ConfigError, readStoredConfig, resolveConfig } from '../src/config/index.ts';
import type { StoredConfig } from '../src/store/index.ts';

/**
 * The config a stored copy holds (the reads of its last load from GitHub),
 * resolved as it was then — the App's third config source beside GitHub
 * and a file. `scope` is `owner/name` or, for the org's, `owner`. Throws a
 * ConfigError naming the file for a bad config, and for one GitHub refused
 * to show (nothing read): the App never publishes or reports with the
 * defaults in its place.
 */
export function resolveStoredConfig({ scope, value }: Pick<StoredConfig, 'scope' | 'value'>): Config {
  const own = scope.includes('/') ? scope : `${scope}/.github`;
  const loaded = resolveConfig(readStoredConfig({ value, name: `${own}/.github/shipwell.yml` }));
  const [refused] = loaded.refused;
  if (loaded.files.length === 0 && refused) {
    throw new ConfigError({
      file: refused.name,
      issues: [
        {
          path: '',
          line: null,
          message: `could not be read (${refused.reason}), and the defaults do not stand in for it`,
        },
      ],
    });
  }
  return loaded.config;
}
