// The fact log and the evaluation states on both databases (docs/architecture.md,
// "Facts and evaluations"): what the store keeps of facts written (each
// content once with its least and greatest origin, only deciding repo-info
// facts), what each FactSource query returns — compared with the engine's
// pure references on random histories of real-shaped payloads — the change
// log an evaluation consumes, and evaluations saved and read back.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/index.ts';
import { type Fact, ingestDeliveries } from '../../src/events/index.ts';
import {
  createMemoryFactSource,
  factContentKey,
  factIndexFields,
  findEarliestAt,
  listGroupsKnownBetween,
  reevaluateRepo,
  selectFacts,
} from '../../src/kpi/index.ts';
import { historyArb, type ScenarioSpan } from '../kpi/random-scenario.ts';
import { type Backend, postgresBackend, sqliteBackend } from './backends.ts';
import { keptFacts } from './kept-facts.ts';

const REPO = 'acme/api';
/** Written in the same writes as REPO's facts: each repository's repo-info facts are kept by its own. */
const OTHER = 'acme/web';
const SPAN: ScenarioSpan = {
  start: '2025-11-01T00:00:00Z',
  end: '2026-04-10T00:00:00Z',
  tags: 8,
  topics: true,
  even: true,
  releaseWeight: 4,
  grid: 6 * 60,
};
const T0 = Date.parse(SPAN.start);
const DAY = 86_400_000;

const key = (fact: Fact) => `${factContentKey(fact)} ${fact.origin}`;
const sorted = (facts: readonly Fact[]) => facts.map(key).sort();

const backends: Backend[] = [sqliteBackend(), postgresBackend()];
afterAll(async () => {
  for (const backend of backends) await backend.stop();
});

describe.each(backends)('the fact log on $name', (backend) => {
  it('answers every FactSource query as the engine’s pure references do over what it keeps', async () => {
    const { store } = await backend.open();
    let written: Fact[] = [];
    await fc.assert(
      fc.asyncProperty(
        historyArb({ repos: [REPO, OTHER], span: SPAN, minLength: 10, maxLength: 60 }),
        fc.integer({ min: 0, max: 160 }),
        fc.integer({ min: 0, max: 160 }),
        async (deliveries, a, b) => {
          const facts = ingestDeliveries(deliveries).facts.filter((f) => f.repo === REPO || f.repo === OTHER);
          await store.transaction((tx) => tx.facts.write({ facts }));
          written = [...written, ...facts];
          const kept = keptFacts(written).filter((f) => f.repo === REPO);
          expect(sorted(await store.facts.source({ repo: OTHER }).allFacts())).toEqual(
            sorted(keptFacts(written).filter((f) => f.repo === OTHER)),
          );
          const source = store.facts.source({ repo: REPO });
          expect(sorted(await source.allFacts())).toEqual(sorted(kept));
          expect(sorted(await source.releaseFacts())).toEqual(
            sorted(kept.filter((f) => factIndexFields(f).group.startsWith('release:'))),
          );
          const fields = kept.map(factIndexFields);
          const groups = [...new Set(fields.map((f) => f.group))].filter((_, i) => i % 3 === 0);
          const shas = [...new Set(fields.map((f) => f.sha).filter((s): s is string => s !== null))].slice(0, 3);
          const refs = [...new Set(fields.map((f) => f.ref).filter((r): r is string => r !== null))].slice(0, 3);
          const since = T0 + a * DAY;
          expect(await source.earliestAt({ groups, shas, refs })).toBe(
            findEarliestAt({ facts: kept, query: { groups, shas, refs } }),
          );
          const chainsSince = since - 20 * DAY;
          for (const selection of [
            { since, chainsSince: null, shas, groups },
            { since, chainsSince, shas, groups },
            { since: null, chainsSince, shas: [], groups: [] },
            { since: null, chainsSince: null, shas: [], groups },
          ]) {
            expect(sorted(await source.select(selection))).toEqual(sorted(selectFacts({ facts: kept, selection })));
          }
          const [after, upTo] = [T0 + Math.min(a, b) * DAY, T0 + Math.max(a, b) * DAY];
          expect(await source.groupsKnownBetween({ after, upTo })).toEqual(
            listGroupsKnownBetween({ facts: kept, after, upTo }),
          );
          const later = fields.map((f) => f.knownAt).filter((t): t is number => t !== null && t > since);
          expect(await store.facts.nextKnownAt({ repo: REPO, after: since })).toBe(
            later.length > 0 ? Math.min(...later) : null,
          );
          return true;
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it('keeps a deciding repo-info content said twice with both its origins, as the reference does', async () => {
    const { store } = await backend.open();
    const info = (origin: string): Fact => ({
      type: 'repo-info',
      repo: REPO,
      origin,
      topics: ['ios'],
      customProperties: null,
      observedAt: T0,
    });
    const written = [info('star-536'), info('star-628')];
    // in two writes, as two deliveries: the later origin wins the tie, the content is kept once
    for (const fact of written) await store.transaction((tx) => tx.facts.write({ facts: [fact] }));
    const stored = sorted(await store.facts.source({ repo: REPO }).allFacts());
    expect(stored).toEqual(sorted(keptFacts(written)));
    expect(stored).toHaveLength(2);
  });

  it('logs the group of what a write adds or widens, once; consuming takes only the rows read', async () => {
    const { store } = await backend.open();
    const release = (origin: string, tag = 'v1'): Fact => ({
      type: 'release',
      repo: REPO,
      origin,
      tag,
      name: null,
      publishedAt: T0,
      draft: false,
      prerelease: false,
    });
    await store.transaction((tx) => tx.facts.write({ facts: [release('d-5'), release('d-5'), release('d-6', 'v2')] }));
    const first = await store.facts.changes({ repo: REPO });
    expect(first.groups).toEqual(['release:v1', 'release:v2']);
    // the same facts again change nothing and log nothing
    await store.transaction((tx) => tx.facts.write({ facts: [release('d-5')] }));
    expect((await store.facts.changes({ repo: REPO })).ids).toEqual(first.ids);
    // an origin inside the range kept changes nothing; one beyond it widens the row
    await store.transaction((tx) => tx.facts.write({ facts: [release('d-5'), release('d-9')] }));
    const second = await store.facts.changes({ repo: REPO });
    expect(second.ids.length).toBe(first.ids.length + 1);
    await store.facts.consume({ ids: first.ids });
    expect(await store.facts.changes({ repo: REPO })).toEqual({
      ids: second.ids.slice(first.ids.length),
      groups: ['release:v1'],
    });
    expect(sorted(await store.facts.read({ repo: REPO }))).toEqual(
      sorted([release('d-5'), release('d-9'), release('d-6', 'v2')]),
    );
    // forgetting what one delivery alone said reads everything again
    await store.facts.forget({ repo: REPO, origins: ['d-6'] });
    expect((await store.facts.changes({ repo: REPO })).groups).toBe('all');
    expect(sorted(await store.facts.read({ repo: REPO }))).toEqual(sorted([release('d-5'), release('d-9')]));
  });

  it('stores an over-long or NUL-holding tag (its group hashed) and then reads everything again', async () => {
    const { store } = await backend.open();
    const tag = `v1-${'x'.repeat(3000)}\u0000`;
    const fact: Fact = {
      type: 'release',
      repo: REPO,
      origin: 'd-1',
      tag,
      name: null,
      publishedAt: T0,
      draft: false,
      prerelease: false,
    };
    await store.transaction((tx) => tx.facts.write({ facts: [fact] }));
    expect(await store.facts.read({ repo: REPO })).toEqual([fact]);
    expect((await store.facts.changes({ repo: REPO })).groups).toBe('all');
  });

  it('keeps an evaluation: saved rows read back whole, a report reads only the releases its periods show', async () => {
    const { store } = await backend.open();
    const facts = ingestDeliveries(
      fc.sample(historyArb({ repos: [REPO], span: SPAN, minLength: 60, maxLength: 60 }), { numRuns: 1, seed: 7 })[0]!,
    ).facts;
    await store.transaction((tx) => tx.facts.write({ facts }));
    const now = Date.parse(SPAN.end);
    const reevaluation = await reevaluateRepo({
      repo: REPO,
      previous: null,
      changes: 'all',
      source: createMemoryFactSource(facts.filter((f) => f.repo === REPO)),
      config: defaultConfig(),
      now,
    });
    expect(await store.states.evaluatedAt({ repo: REPO })).toBeNull();
    await store.transaction((tx) => tx.states.save({ org: 'acme', reevaluation }));
    // what the worker keeps in memory is what it would read back (docs/architecture.md, "Facts and evaluations")
    expect(await store.states.read({ repo: REPO })).toEqual(reevaluation.evaluation);
    expect(await store.states.evaluatedAt({ repo: REPO })).toBe(now);
    const from = now - 30 * DAY;
    const [org] = await store.states.readOrg({ org: 'acme', releasesFrom: from });
    expect(org).toEqual({
      ...reevaluation.evaluation,
      releases: reevaluation.evaluation.releases.filter((r) => r.release.publishedAt >= from),
    });
    expect(await store.states.readOrg({ org: 'other', releasesFrom: from })).toEqual([]);
  });
});
