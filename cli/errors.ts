/**
 * Bad input from the user (a flag, a file, a line of a file): exit 2 with one
 * line on stderr naming what is at fault and what was expected.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** A check the user asked for failed (`--fail-under`): exit 1. */
export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

/**
 * GitHub could not be reached or did not answer (a network error, a timeout,
 * a server error after retries, an exhausted rate limit): exit 3, one line,
 * worth trying again later. See README.md, "The command line".
 */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** The exit codes of `shipwell` (README.md, "The command line"). */
export const EXIT = {
  ok: 0,
  checkFailed: 1,
  badInput: 2,
  network: 3,
  /** A bug in Shipwell: the stack trace is printed, to report it. */
  internal: 70,
} as const;
