import type { Config } from './types.ts';

/** Where Shipwell's config lives in a repository. */
export const CONFIG_PATH = '.github/shipwell.yml';

/** A config file's place: a path in a repository. */
export interface ConfigLocation {
  owner: string;
  repo: string;
  path: string;
}

/** What a reader found at a location. */
export type ConfigFileRead =
  /** The file's text; `name` says where it was read when that is not `owner/repo/path` (a checkout, a local file). */
  | { found: 'file'; text: string; name?: string }
  /** No such file (or no such repository). */
  | { found: 'none' }
  /** GitHub refused to say (401/403: the token's permissions); `reason` is its answer. */
  | { found: 'refused'; reason: string };

/**
 * A config source: reads one file (GitHub's contents API, a checkout
 * overlaid on it). Throws only when it cannot tell (network, 5xx).
 */
export type ConfigFileReader = (location: ConfigLocation) => Promise<ConfigFileRead>;

/**
 * One file the loader looked for: the repository's own (`own`), the org's
 * `.github` repository's when the own one is missing (`org`), or one an
 * `_extends` named (`extends`).
 */
export interface ConfigRead {
  /** `owner/repo/path`, or the local file's name. */
  name: string;
  role: 'own' | 'org' | 'extends';
  /** The text; null when there is no such file. */
  text: string | null;
  /** Why it could not be read (GitHub refused), when it could not. */
  refused?: string;
}

/**
 * Every file a config load looked at, in order — what the App stores and
 * resolves again later (JSON). `problem`: what stopped the walk in the last
 * file read (an invalid `_extends`, a loop), when something did.
 */
export interface ConfigReads {
  reads: ConfigRead[];
  problem: { name: string; key: '_extends' | ''; message: string } | null;
}

/** A config with where it came from, as every adapter gets it. */
export interface LoadedConfig {
  config: Config;
  /** The files whose settings `config` holds, most specific first; empty: every default. */
  files: string[];
  /** Which file(s) were used, or why the defaults: one line for a job summary or stderr. */
  description: string;
  /**
   * The files GitHub refused to show (the token's permissions): with none
   * read, the defaults stand in and the adapter must say so.
   */
  refused: { name: string; reason: string }[];
  /** What was read, to store and resolve again (resolveConfig). */
  reads: ConfigReads;
}
