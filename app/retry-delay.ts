import { HOUR, SECOND } from './durations.ts';

/**
 * How long to wait before attempt `attempts + 1` of failed work: 5 s doubling
 * up to one hour, with ±20 % jitter from `random` so replicas do not retry in
 * step. Work is retried forever: nothing is dropped.
 */
export function retryDelay({ attempts, random = Math.random }: { attempts: number; random?: () => number }): number {
  const base = Math.min(HOUR, 5 * SECOND * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
