// GitHub's primary rate limits as the fake plays them: per token (an
// installation token, a PAT, or none), a REST budget of requests and a
// GraphQL budget of points, each for a window of an hour from its first use;
// the `x-ratelimit-*` headers every answer carries; and a way for a test to
// spend a budget at once.

export type RateResource = 'core' | 'graphql';

interface Window {
  used: number;
  /** Epoch ms when the budget is full again. */
  reset: number;
}

export interface RateLimits {
  /** Whether `cost` fits the token's budget now (a 0 cost always fits). */
  fits(input: { token: string; resource: RateResource; cost: number }): boolean;
  spend(input: { token: string; resource: RateResource; cost: number }): void;
  headers(input: { token: string; resource: RateResource }): Record<string, string>;
  /** What is left of a budget (for GraphQL's `rateLimit` field and tests). */
  state(input: { token: string; resource: RateResource }): { limit: number; used: number; reset: number };
  /** Spends what is left of a budget; the budget is full again `resetIn` ms from now (default: its window's end). */
  exhaust(input: { token?: string | undefined; resource: RateResource; resetIn?: number }): void;
  /** Every token seen so far. */
  tokens(): string[];
}

export function createRateLimits({
  clock,
  limits,
  window = 3_600_000,
}: {
  clock: () => number;
  limits: Record<RateResource, number>;
  window?: number;
}): RateLimits {
  const windows = new Map<string, Window>();
  const current = (token: string, resource: RateResource): Window => {
    const key = `${token}\0${resource}`;
    let entry = windows.get(key);
    const now = clock();
    if (!entry || entry.reset <= now) {
      entry = { used: 0, reset: now + window };
      windows.set(key, entry);
    }
    return entry;
  };
  const limits_ = limits;
  return {
    fits({ token, resource, cost }) {
      return cost === 0 || current(token, resource).used + cost <= limits_[resource];
    },
    spend({ token, resource, cost }) {
      current(token, resource).used += cost;
    },
    headers({ token, resource }) {
      const entry = current(token, resource);
      const limit = limits_[resource];
      return {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(Math.max(0, limit - entry.used)),
        'x-ratelimit-used': String(entry.used),
        'x-ratelimit-reset': String(Math.ceil(entry.reset / 1000)),
        'x-ratelimit-resource': resource,
      };
    },
    state({ token, resource }) {
      const entry = current(token, resource);
      return { limit: limits_[resource], used: entry.used, reset: entry.reset };
    },
    exhaust({ token, resource, resetIn }) {
      const targets = token === undefined ? [...new Set([...windows.keys()].map((k) => k.split('\0')[0]!))] : [token];
      for (const target of targets) {
        const entry = current(target, resource);
        entry.used = limits_[resource];
        if (resetIn !== undefined) entry.reset = clock() + resetIn;
      }
    },
    tokens() {
      return [...new Set([...windows.keys()].map((k) => k.split('\0')[0]!))];
    },
  };
}
