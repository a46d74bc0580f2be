/** How the runner schedules a job: data, not code in the job. */
export interface JobSchedule {
  /** Most items claimed and performed at once. */
  batch: number;
  /** How long a lane that found no work sleeps before it looks again (a wake-up cuts it short). */
  idle: number;
  /** How long a woken lane lets more work gather before it claims (one transaction for many). */
  settle?: number;
}

/** A claimed item that could not be done, and why. */
export interface JobFailure<Item> {
  item: Item;
  error: string;
}

/**
 * One kind of background work (graphile-worker's shape): the runner claims
 * items, performs them, and records each failure with a retry time from the
 * same backoff for every job. A job is one file under app/jobs exporting a
 * factory that receives its slice of the store and the helpers it needs.
 */
export interface Job<Item> {
  name: string;
  schedule: JobSchedule;
  /** Claims up to `limit` items due now (under this worker's lease). */
  claim(limit: number): Promise<Item[]>;
  /** Does the work; returns the items that failed (the rest are done). A throw fails them all. */
  perform(items: Item[]): Promise<JobFailure<Item>[]>;
  /** Keeps a failure and when to try again. */
  fail(failure: JobFailure<Item> & { retryAt: number }): Promise<void>;
  /** How many times the item has been tried (the backoff grows with it). */
  attempts(item: Item): number;
  /** What a log line says about the item. */
  describe(item: Item): Record<string, unknown>;
}

/** Lets TypeScript check a job literal against Job<Item> where it is written. */
export function defineJob<Item>(job: Job<Item>): Job<Item> {
  return job;
}

/**
 * Work that runs on a clock rather than from a queue (timers, the redelivery
 * scan): `run` every `every` ms; a throw is logged and it runs again next time.
 */
export interface PeriodicJob {
  name: string;
  every: number;
  run(): Promise<void>;
}
