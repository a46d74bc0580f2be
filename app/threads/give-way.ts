/**
 * The door's slow answers, told to the threads behind it (docs/architecture.md,
 * "Giving way to the door"): when an acknowledgement took longer than
 * `SLOW_MS`, the worker and reader threads hold back between steps for
 * `HOLD_MS`, so their CPU, and on PostgreSQL their database sessions, do not
 * stand in front of the next acknowledgements. They never hold back more than
 * they worked: under a door that stays slow for another reason, processing
 * still gets at least half of the time.
 */

/** An acknowledgement slower than this (ms) asks the other threads to give way; a fast one takes 2–10 ms. */
export const SLOW_MS = 25;
/** How long (ms) after a slow acknowledgement the other threads hold back. */
export const HOLD_MS = 200;
/** One pause (ms) of a thread giving way; it looks again after each. */
const PAUSE_MS = 5;
/** Most pause a thread banks from its work (ms): the longest it holds back at once. */
export const MOST_CREDIT_MS = 200;

/** The door's side: where it says an acknowledgement was slow. Shared with the threads by `buffer`. */
export interface DoorSignal {
  readonly buffer: SharedArrayBuffer;
  /** An acknowledgement took `ms` (answered now). */
  answered(ms: number): void;
}

/** `clock` is wall time (epoch ms), the same on both sides, not the App's notion of now. */
export function createDoorSignal({ clock = Date.now }: { clock?: () => number } = {}): DoorSignal {
  const buffer = new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT);
  const until = new BigInt64Array(buffer);
  return {
    buffer,
    answered(ms) {
      if (ms > SLOW_MS) Atomics.store(until, 0, BigInt(Math.ceil(clock() + HOLD_MS)));
    },
  };
}

/**
 * A thread's side: resolves at once unless the door asked for room, else
 * after pauses of `PAUSE_MS` until it no longer does or this thread's credit
 * (the time it worked since it last gave way, at most `MOST_CREDIT_MS`) is spent.
 */
export function createGiveWay({
  buffer,
  clock = Date.now,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}: {
  buffer: SharedArrayBuffer;
  clock?: () => number;
  sleep?: (ms: number) => Promise<unknown>;
}): () => Promise<void> {
  const until = new BigInt64Array(buffer);
  let credit = 0;
  let last = clock();
  return async () => {
    const now = clock();
    credit = Math.min(MOST_CREDIT_MS, credit + Math.max(0, now - last));
    while (credit >= PAUSE_MS && Number(Atomics.load(until, 0)) > clock()) {
      const from = clock();
      await sleep(PAUSE_MS);
      credit -= Math.max(PAUSE_MS, clock() - from);
    }
    last = clock();
  };
}
