import { type Instant, parseInstant } from '../src/time/index.ts';
import { InputError } from './errors.ts';

/** `--now`: an ISO-8601 instant with its zone; the current time when absent. */
export function parseNow(text: string | undefined, clock: () => Instant = Date.now): Instant {
  if (text === undefined) return clock();
  const now = parseInstant(text);
  if (now === null) {
    throw new InputError(`--now: expected an ISO-8601 time with a zone (e.g. 2026-03-20T00:00:00Z), found "${text}"`);
  }
  return now;
}
