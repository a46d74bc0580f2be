/** One thing wrong with a delivery: where, what we needed, what was there. */
export interface DeliveryProblem {
  /** `at`, or a payload path such as `payload.release.published_at`. */
  path: string;
  expected: string;
  found: string;
  /**
   * Said instead of "expected …, found …" when the value has the expected
   * form but cannot be (a time the calendar does not have).
   */
  message?: string;
}

function describeProblem(problem: DeliveryProblem): string {
  return `${problem.path}: ${problem.message ?? `expected ${problem.expected}, found ${problem.found}`}`;
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
  /** Which record of the input it was (0-based), when the reader knows: ingestDeliveries sets it. */
  readonly position: number | null;

  constructor(
    deliveryId: string,
    problems: readonly [DeliveryProblem, ...DeliveryProblem[]],
    position: number | null = null,
  ) {
    const text = problems.map(describeProblem).join('; ');
    super(`delivery ${deliveryId}: ${text}`);
    this.name = 'DeliveryError';
    this.deliveryId = deliveryId;
    this.path = problems[0].path;
    this.expected = problems[0].expected;
    this.found = problems[0].found;
    this.problems = problems;
    this.position = position;
  }

  /** The same error, saying which record of the input it was. */
  atPosition(position: number): DeliveryError {
    return new DeliveryError(this.deliveryId, this.problems as [DeliveryProblem, ...DeliveryProblem[]], position);
  }
}
