import type { CollectionProgress, ResponseSeen } from '../types.ts';

/** Where a collection stands (describeProgress words it). */
export interface ProgressSnapshot {
  reposDone: number;
  /** Repositories whose recent window (current and last complete period) is read. */
  recentDone: number;
  /** Every repository's recent window is read: a partial report can be shown. */
  partialReady: boolean;
  /** Epoch ms: collection waits for the rate limit's reset until then; null when not waiting. */
  waitingUntil: number | null;
  /** null until the list of repositories is known. */
  reposTotal: number | null;
  requests: number;
  /** From the newest answer that carried one; null before. */
  rateLimitRemaining: number | null;
  /** Epoch milliseconds; null before an answer carried one. */
  rateLimitReset: number | null;
  /** Milliseconds since the meter was created. */
  elapsed: number;
  /** Estimated milliseconds to go; null until one repository is done. */
  remaining: number | null;
  /** The estimate waits for the rate limit's reset: the budget left is smaller than what the rest needs. */
  waitsForRateLimit: boolean;
}

/** The collector's progress port plus the requests it made, summed up on demand. */
export interface ProgressMeter extends CollectionProgress {
  /** One answer from GitHub (observeResponses feeds it). */
  responded(response: ResponseSeen): void;
  recentDone(input: { repo: string }): void;
  partialReady(): void;
  /** Collection waits for a spent rate limit to reset at `until` (useRateBudget's onWait). */
  waiting(input: { until: number }): void;
  snapshot(): ProgressSnapshot;
}

/**
 * Counts repositories and requests of one collection and estimates the time
 * to go (README.md, "Progress"): the pace so far times the repositories
 * left; when the rate-limit budget left cannot pay for the requests the rest
 * needs at the same number per repository, no sooner than the limit's reset.
 * `clock` is the adapter's; `onChange` runs after every event.
 */
export function createProgressMeter({
  clock,
  onChange = () => {},
}: {
  clock: () => number;
  onChange?: (meter: ProgressMeter) => void;
}): ProgressMeter {
  const started = clock();
  let reposDone = 0;
  let recentDone = 0;
  let partialReady = false;
  let waitingUntil: number | null = null;
  let reposTotal: number | null = null;
  let requests = 0;
  let rateLimitRemaining: number | null = null;
  let rateLimitReset: number | null = null;

  const meter: ProgressMeter = {
    planned({ repos }) {
      reposTotal = repos;
      onChange(meter);
    },
    repoDone() {
      reposDone += 1;
      onChange(meter);
    },
    recentDone() {
      recentDone += 1;
      onChange(meter);
    },
    partialReady() {
      partialReady = true;
      onChange(meter);
    },
    waiting({ until }) {
      waitingUntil = until;
      onChange(meter);
    },
    responded(response) {
      requests += 1;
      if (waitingUntil !== null && clock() >= waitingUntil) waitingUntil = null;
      if (response.rateLimitRemaining !== null) rateLimitRemaining = response.rateLimitRemaining;
      if (response.rateLimitReset !== null) rateLimitReset = response.rateLimitReset;
      onChange(meter);
    },
    snapshot() {
      const now = clock();
      const elapsed = now - started;
      let remaining: number | null = null;
      let waitsForRateLimit = false;
      // two passes (recent windows, then the rest) count as two units of work a repository
      const done = recentDone > 0 ? recentDone + reposDone : reposDone;
      const total = reposTotal === null ? null : recentDone > 0 ? 2 * reposTotal : reposTotal;
      if (total !== null && done > 0) {
        const left = Math.max(0, total - done);
        remaining = (elapsed / done) * left;
        const needed = (requests / done) * left;
        if (rateLimitRemaining !== null && rateLimitReset !== null && needed > rateLimitRemaining) {
          waitsForRateLimit = rateLimitReset - now > remaining;
          remaining = Math.max(remaining, rateLimitReset - now);
        }
      }
      if (waitingUntil !== null && waitingUntil > now && remaining !== null) {
        waitsForRateLimit = true;
        remaining = Math.max(remaining, waitingUntil - now);
      }
      return {
        reposDone,
        recentDone,
        partialReady,
        waitingUntil: waitingUntil !== null && waitingUntil > now ? waitingUntil : null,
        reposTotal,
        requests,
        rateLimitRemaining,
        rateLimitReset,
        elapsed,
        remaining,
        waitsForRateLimit,
      };
    },
  };
  return meter;
}
