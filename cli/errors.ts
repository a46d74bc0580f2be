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
