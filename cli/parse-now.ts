import { type Instant, readInstant } from '../src/time/index.ts';
import { InputError } from './errors.ts';

/**
 * `--now`: an ISO-8601 instant with its zone; the current time when absent.
 * A time the calendar does not have (`2026-02-30`, hour 24) is bad input.
 */
export function parseNow(text: string | undefined, clock: () => Instant = Date.now): Instant {
  if (text === undefined) return clock();
  const reading = readInstant(text);
  if (reading.ok) return reading.instant;
  if (reading.problem === 'calendar') throw new InputError(`--now: ${reading.message}`);
  throw new InputError(`--now: expected an ISO-8601 time with a zone (e.g. 2026-03-20T00:00:00Z), found "${text}"`);
}
