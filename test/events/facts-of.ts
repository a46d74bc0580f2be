import type { Fact, NormalizedDelivery } from '../../src/events/index.ts';

/** The facts of a delivery other than repo-info; fails the test when the delivery was ignored. */
export function eventFactsOf(result: NormalizedDelivery): Fact[] {
  if (result.kind !== 'facts') throw new Error(`expected facts, got ignored: ${result.reason}`);
  return result.facts.filter((fact) => fact.type !== 'repo-info');
}

/** The reason a delivery was ignored; fails the test when it gave facts. */
export function ignoredReasonOf(result: NormalizedDelivery): string {
  if (result.kind !== 'ignored') throw new Error(`expected ignored, got ${result.facts.map((f) => f.type).join(', ')}`);
  return result.reason;
}
