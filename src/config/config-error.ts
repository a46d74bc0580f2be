/** One problem in a config file: the dotted path of the key, its line when known, what to fix. */
export interface ConfigIssue {
  /** Dotted key path (`overrides.ios.minCoverage`, list items as `rollback.labels[1]`); empty for the whole file. */
  path: string;
  /** 1-based line of the key in the file, when the config came from text. */
  line: number | null;
  /** What was expected and what was found, e.g. `expected a number from 0 to 100, found "eighty"`. */
  message: string;
  /** The file the issue is in, when it is not the error's `file` (a config read from several files). */
  file?: string;
}

/**
 * An invalid config. `message` lists every issue, one a line:
 * `.github/shipwell.yml:12: minCoverage: expected a number from 0 to 100, found "eighty"`;
 * an issue of another file (an org's `.github` repository, an `_extends`) names that file.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly file: string;
  readonly issues: readonly ConfigIssue[];

  constructor({ file, issues }: { file: string; issues: readonly ConfigIssue[] }) {
    super(issues.map((issue) => formatIssue(file, issue)).join('\n'));
    this.file = file;
    this.issues = issues;
  }
}

function formatIssue(errorFile: string, { path, line, message, file = errorFile }: ConfigIssue): string {
  const where = line === null ? file : `${file}:${line}`;
  return path === '' ? `${where}: ${message}` : `${where}: ${path}: ${message}`;
}
