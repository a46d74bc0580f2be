type Failure = {
  name?: string;
  message?: string;
  status?: number;
  response?: { status?: number; headers?: Record<string, string | number | undefined>; data?: unknown };
  cause?: unknown;
};

function causeOf(error: Failure): string {
  let cause: unknown = error.cause;
  // fetch's TypeError("fetch failed") carries the socket's error (ECONNREFUSED, ENOTFOUND…) as its cause
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return cause instanceof Error && cause.message ? cause.message : (error.message ?? String(error));
}

/**
 * When a request to GitHub failed for a reason that may pass (no answer at
 * all: DNS, refused, reset, timed out; a server error after retries; the
 * rate limit spent), one line saying so; null for any other failure (an
 * answer about the request itself: 401, 404, 422…). The CLI exits 3 on these.
 */
export function describeTransientFailure(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const failure = error as Failure;
  if (failure.name === 'AbortError' || failure.name === 'TimeoutError') return 'GitHub did not answer in time';
  const status = failure.response?.status ?? failure.status;
  if (failure.response === undefined && status === 500 && failure.name === 'HttpError') {
    return `no answer from GitHub (${causeOf(failure)})`;
  }
  if (failure.response === undefined) return null;
  if (status !== undefined && status >= 500) return `GitHub answered ${status} (a server error), also after retries`;
  if (status === 403 || status === 429) {
    const headers = failure.response.headers ?? {};
    const message = JSON.stringify(failure.response.data ?? '');
    if (String(headers['x-ratelimit-remaining']) === '0') {
      const reset = Number(headers['x-ratelimit-reset']);
      const at = Number.isFinite(reset) ? `; it resets at ${new Date(reset * 1000).toISOString()}` : '';
      return `GitHub's rate limit for this token is spent${at}`;
    }
    if (/secondary rate limit|abuse/i.test(message) || status === 429) {
      return "GitHub's secondary rate limit stopped the requests; wait a few minutes";
    }
  }
  return null;
}
