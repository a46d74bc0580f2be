import type { Fact } from '../events/types.ts';
import { factIndexFields } from './fact-index-fields.ts';
import type { FactSource } from './fact-source.ts';
import { findEarliestAt } from './find-earliest-at.ts';
import { listGroupsKnownBetween } from './list-groups-known-between.ts';
import { selectFacts } from './select-facts.ts';

/**
 * A FactSource over one repository's facts in memory: the reference a
 * store's queries are tested against, and what the CLI or a test hands
 * reevaluateRepo. `facts` is read at each call, so pushing to it adds facts.
 */
export function createMemoryFactSource(facts: readonly Fact[]): FactSource {
  return {
    allFacts: async () => [...facts],
    releaseFacts: async () => facts.filter((fact) => factIndexFields(fact).group.startsWith('release:')),
    earliestAt: async (query) => findEarliestAt({ facts, query }),
    groupsKnownBetween: async ({ after, upTo }) => listGroupsKnownBetween({ facts, after, upTo }),
    select: async (selection) => selectFacts({ facts, selection }),
  };
}
