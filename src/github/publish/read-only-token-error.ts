/**
 * A write was refused with 403 "Resource not accessible by integration": the
 * token is read-only (a fork's pull request, a workflow without
 * `checks: write` / `contents: write`). Adapters say so and do not fail.
 */
export class ReadOnlyTokenError extends Error {
  override name = 'ReadOnlyTokenError';
  /** The write that was refused, e.g. `POST /repos/{owner}/{repo}/check-runs`. */
  readonly route: string;
  constructor({ route, message }: { route: string; message: string }) {
    super(`${route}: the token may not write (${message})`);
    this.route = route;
  }
}
