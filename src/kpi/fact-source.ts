import type { Fact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';

/** Groups (see FactIndexFields) named, or having a fact that names one of these commits or tags. */
export interface FactQuery {
  groups: string[];
  shas: string[];
  refs: string[];
}

/** Which groups a re-evaluation reads (selectFacts defines it). */
export interface FactSelection {
  /** Every group having a fact whose lastAt >= since; null: none by time. */
  since: Instant | null;
  /**
   * Every group of a chain (CHAIN_KINDS: deployments and coverage, read in
   * time order) having a fact whose lastAt >= chainsSince; null: none by time.
   * Set earlier than `since`, it reads where the redeploy chain and the
   * coverage fallback stand without reading every other fact in between.
   */
  chainsSince: Instant | null;
  /** Every group having a fact whose sha is one of these. */
  shas: string[];
  /** These groups. */
  groups: string[];
}

/**
 * One repository's stored facts, as reevaluateRepo reads them (the App's
 * store implements it with indexed queries; createMemoryFactSource over an
 * array). Facts are only ever added. Each method answers from every stored
 * fact, whatever its time: the engine leaves out what is not known at `now`.
 * A fact stored under several origins may be handed once per origin or once
 * per distinct content with its least and greatest origin (factContentKey).
 */
export interface FactSource {
  /** Every fact of the repository. */
  allFacts(): Promise<Fact[]>;
  /** Every fact of a `release:` group: releases, release shas, retractions. */
  releaseFacts(): Promise<Fact[]>;
  /** The least `at` of any fact of the groups the query matches (findEarliestAt); null when none has one. */
  earliestAt(query: FactQuery): Promise<Instant | null>;
  /** The groups having a fact whose knownAt is in (after, upTo] (listGroupsKnownBetween). */
  groupsKnownBetween(range: { after: Instant; upTo: Instant }): Promise<string[]>;
  /** Every fact of the groups the selection matches (selectFacts). */
  select(selection: FactSelection): Promise<Fact[]>;
}
