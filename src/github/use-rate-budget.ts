import type { Octokit } from '@octokit/rest';
import { httpStatus } from './http-status.ts';

type Headers = Record<string, string | number | undefined>;

/** Which of GitHub's primary budgets a request spends. */
export type RateResource = 'core' | 'graphql';

/** One budget as the newest answer told it. */
export interface BudgetState {
  remaining: number;
  /** Epoch ms. */
  reset: number;
}

/** Thrown (mode 'defer') instead of waiting: the budget is spent until `resetAt`. */
export class BudgetExhaustedError extends Error {
  readonly resource: RateResource;
  readonly resetAt: number;
  /** What the interrupted work had finished (collectReposHistory: the repositories read in full), for the caller to keep. */
  completed: unknown[] = [];
  constructor({ resource, resetAt }: { resource: RateResource; resetAt: number }) {
    super(
      `GitHub's ${resource === 'graphql' ? 'GraphQL' : 'REST'} rate limit is spent until ${new Date(resetAt).toISOString()}`,
    );
    this.name = 'BudgetExhaustedError';
    this.resource = resource;
    this.resetAt = resetAt;
  }
}

/** What a client spent and what it has left, as `useRateBudget` counts it. */
export interface RateBudget {
  /** REST requests answered (a 304 is free and not counted) and GraphQL points spent. */
  spent(): { requests: number; points: number; notModified: number };
  state(resource: RateResource): BudgetState | null;
}

function headerNumber(headers: Headers | undefined, name: string): number | null {
  const value = Number(headers?.[name] ?? Number.NaN);
  return Number.isFinite(value) ? value : null;
}

const MAX_SECONDARY_WAITS = 3;
/** Left unspent: no GraphQL query of the collector costs more than 10 points. */
const RESERVE: Record<RateResource, number> = { core: 1, graphql: 10 };

/**
 * Keeps a client within GitHub's rate limits (docs/app.md, "The first
 * hour"): every answer's `x-ratelimit-*` headers are read per resource
 * (REST `core`, `graphql`); a request whose budget the last answer said is
 * spent (under 10 points left for GraphQL, the most one of the collector's
 * queries costs) is not sent before the announced reset — in mode 'wait' the client
 * waits for it (`sleep`, after `onWait`), in mode 'defer' it throws
 * BudgetExhaustedError so a job can be rescheduled for the reset and other
 * installations go on. A refusal for a spent budget (403/429 with
 * `x-ratelimit-remaining` under that) is handled the same way; a secondary limit
 * (403/429 with `retry-after`) waits that long and retries, up to three
 * times. GraphQL points are counted from each answer's `rateLimit.cost`.
 */
export function useRateBudget({
  octokit,
  clock,
  sleep,
  mode,
  onWait = () => {},
}: {
  octokit: Pick<Octokit, 'hook'>;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  mode: 'wait' | 'defer';
  onWait?: (input: { resource: RateResource; until: number; secondary: boolean }) => void;
}): RateBudget {
  const budgets = new Map<RateResource, BudgetState>();
  const totals = { requests: 0, points: 0, notModified: 0 };
  const resourceOf = (url: string): RateResource => (/\/graphql$/.test(url) ? 'graphql' : 'core');
  const record = (resource: RateResource, headers: Headers | undefined) => {
    const remaining = headerNumber(headers, 'x-ratelimit-remaining');
    const reset = headerNumber(headers, 'x-ratelimit-reset');
    const named = headers?.['x-ratelimit-resource'];
    const which = named === 'graphql' || named === 'core' ? named : resource;
    if (remaining !== null && reset !== null) budgets.set(which, { remaining, reset: reset * 1000 });
  };
  const spentUntil = async (resource: RateResource, until: number) => {
    if (mode === 'defer') throw new BudgetExhaustedError({ resource, resetAt: until });
    onWait({ resource, until, secondary: false });
    await sleep(Math.max(0, until - clock()) + 1000);
    budgets.delete(resource);
  };

  octokit.hook.wrap('request', async (request, options) => {
    const resource = resourceOf(String(options.url));
    for (let secondaryWaits = 0; ; ) {
      const known = budgets.get(resource);
      if (known && known.remaining < RESERVE[resource] && known.reset > clock())
        await spentUntil(resource, known.reset);
      try {
        const response = await request(options);
        record(resource, response.headers as Headers);
        if (resource === 'graphql') {
          const cost = (response.data as { data?: { rateLimit?: { cost?: number } } } | null)?.data?.rateLimit?.cost;
          totals.points += typeof cost === 'number' ? cost : 1;
        } else totals.requests += 1;
        return response;
      } catch (error) {
        const status = httpStatus(error);
        const headers = (error as { response?: { headers?: Headers } }).response?.headers;
        if (status === 304) {
          totals.notModified += 1;
          throw error;
        }
        record(resource, headers);
        // an answered error (404, 422, …) costs a request like any answer
        const spentOne = () => {
          if (resource === 'graphql') totals.points += 1;
          else totals.requests += 1;
        };
        if (status !== 403 && status !== 429) {
          if (status !== null && status >= 400) spentOne();
          throw error;
        }
        const retryAfter = headerNumber(headers, 'retry-after');
        const remaining = headerNumber(headers, 'x-ratelimit-remaining');
        const reset = headerNumber(headers, 'x-ratelimit-reset');
        if (remaining !== null && remaining < RESERVE[resource] && reset !== null) {
          await spentUntil(resource, reset * 1000);
          continue;
        }
        if (retryAfter !== null && secondaryWaits < MAX_SECONDARY_WAITS) {
          secondaryWaits += 1;
          onWait({ resource, until: clock() + retryAfter * 1000, secondary: true });
          await sleep(retryAfter * 1000);
          continue;
        }
        spentOne();
        throw error;
      }
    }
  });
  return {
    spent: () => ({ ...totals }),
    state: (resource) => budgets.get(resource) ?? null,
  };
}
