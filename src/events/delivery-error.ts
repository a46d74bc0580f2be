/** One thing wrong with a delivery: where, what we needed, what was there. */
export interface DeliveryProblem {
  /** `at`, or a payload path such as `payload.release.published_at`. */
  path: string;
  expected: string;
  found: string;
}

/**
 * A delivery lacks a field Shipwell needs, or has it in the wrong shape. The
 * fields describe the first problem; `problems` lists all of them, and the
 * message names the delivery, then every problem.
 */
export class DeliveryError extends Error {
  readonly deliveryId: string;
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  readonly problems: readonly DeliveryProblem[];

  constructor(deliveryId: string, problems: readonly [DeliveryProblem, ...DeliveryProblem[]]) {
    const text = problems.map((p) => `${p.path}: expected ${p.expected}, found ${p.found}`).join('; ');
    super(`delivery ${deliveryId}: ${text}`);
    this.name = 'DeliveryError';
    this.deliveryId = deliveryId;
    this.path = problems[0].path;
    this.expected = problems[0].expected;
    this.found = problems[0].found;
    this.problems = problems;
  }
}
