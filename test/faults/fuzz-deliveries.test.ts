// Fuzzing of webhook normalization (issue #7, "bad input"): 10,000 deliveries,
// each a real payload of an event Shipwell reads (test/fixtures/webhooks)
// with fields removed or replaced by values of any JSON shape, a random `at`,
// sometimes a random event name or a payload that is not an object. Each is
// either normalized into facts (or ignored with a reason) or throws a
// DeliveryError naming the delivery and the path of the field at fault.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliveryError, normalizeDelivery, type WebhookDelivery } from '../../src/events/index.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { bounded, FUZZ_RUNS } from './bounded.ts';

const FIXTURES = readdirSync(new URL('../fixtures/webhooks/', import.meta.url))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length));
const PAYLOADS = new Map(FIXTURES.map((fixture) => [fixture, JSON.stringify(loadWebhook(fixture))]));

/** Every path to a value in the payload (objects and arrays), to pick mutation targets from. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (prefix.length > 0) out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) pathsOf(item, [...prefix, i], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  }
  return out;
}
const PATHS = new Map(FIXTURES.map((fixture) => [fixture, pathsOf(JSON.parse(PAYLOADS.get(fixture)!))]));

const jsonValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('2026-03-01T10:00:00Z', 'not a time', '', 'v1.0.0', 'main', 'refs/tags/v1', '0'.repeat(40)),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

const mutation = fc.record({ pick: fc.nat(), remove: fc.boolean(), value: jsonValue });

const delivery = fc.record({
  fixture: fc.constantFrom(...FIXTURES),
  mutations: fc.array(mutation, { maxLength: 3 }),
  /** Sometimes the event name of another fixture (a payload that is not what its name says), or noise. */
  name: fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(...FIXTURES.map((f) => f.split('.')[0]!)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  ),
  at: fc.option(fc.oneof(fc.constant('2026-03-01T10:00:00Z'), fc.string({ maxLength: 25 })), { nil: undefined }),
  /** Rarely, a payload that is not the fixture at all (null: the mutated fixture). */
  wholePayload: fc.oneof(
    { weight: 19, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: jsonValue.filter((v) => v !== null) },
  ),
  id: fc.string({ minLength: 1, maxLength: 36 }),
});

function mutate({
  fixture,
  mutations,
}: {
  fixture: string;
  mutations: { pick: number; remove: boolean; value: unknown }[];
}): unknown {
  const payload = JSON.parse(PAYLOADS.get(fixture)!) as Record<string, unknown>;
  const paths = PATHS.get(fixture)!;
  for (const { pick, remove, value } of mutations) {
    const path = paths[pick % paths.length]!;
    let parent: unknown = payload;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown> | null)?.[key];
    if (typeof parent !== 'object' || parent === null) continue;
    const last = path.at(-1)!;
    if (remove && !Array.isArray(parent)) delete (parent as Record<string | number, unknown>)[last];
    else (parent as Record<string | number, unknown>)[last] = value;
  }
  return payload;
}

describe('fuzzing normalizeDelivery', () => {
  it(`${FUZZ_RUNS.toLocaleString('en')} mangled deliveries: facts, ignored, or a DeliveryError naming delivery and path`, async () => {
    const outcomes = { facts: 0, ignored: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(delivery, async (input) => {
        const d: WebhookDelivery = {
          id: input.id,
          name: input.name ?? input.fixture.split('.')[0]!,
          payload: input.wholePayload === null ? mutate(input) : input.wholePayload,
          ...(input.at === undefined ? {} : { at: input.at }),
        };
        await bounded({
          what: `normalizeDelivery of ${input.fixture}`,
          run: () => {
            try {
              const result = normalizeDelivery(d);
              if (result.kind === 'ignored') {
                expect(result.reason.length).toBeGreaterThan(0);
                outcomes.ignored++;
              } else {
                for (const fact of result.facts) {
                  expect(typeof fact.repo).toBe('string');
                  expect(fact.origin.length).toBeGreaterThan(0);
                }
                outcomes.facts++;
              }
            } catch (error) {
              if (!(error instanceof DeliveryError)) throw error;
              expect(error.deliveryId).toBe(d.id);
              expect(error.path, error.message).toMatch(/^(at|payload)(\.|\[|$)/);
              expect(error.expected.length).toBeGreaterThan(0);
              expect(error.message).toContain(error.path);
              outcomes.rejected++;
            }
          },
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(outcomes.rejected).toBeGreaterThan(FUZZ_RUNS / 50);
    expect(outcomes.facts).toBeGreaterThan(FUZZ_RUNS / 10);
    expect(outcomes.ignored).toBeGreaterThan(0);
  }, 240_000);
});
