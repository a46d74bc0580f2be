// A store keeps each distinct fact once with the least and greatest origin
// (delivery id) that said it (docs/kpis.md, "Re-evaluating only what can
// change"). The engine must give on that what it gives on every delivery's
// copy: checked on random scenarios from real payloads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.ts';
import { ingestDeliveries } from '../../src/events/index.ts';
import type { Fact } from '../../src/events/types.ts';
import { computeReport, factContentKey, keepExtremeOrigins } from '../../src/kpi/index.ts';
import { NOW, retractedReleaseArb, scenarioArb } from './random-scenario.ts';

const REPOS = ['acme/api', 'acme/app-ios'];
const config = parseConfig({ text: 'segments:\n  ios: ["*-ios"]\n', file: 'shipwell.yml' });
const now = Date.parse(NOW);
// Random deliveries, with releases retracted inside their windows, and which facts are said again.
const scenario = fc.tuple(
  fc
    .tuple(scenarioArb(REPOS), fc.array(retractedReleaseArb(REPOS), { maxLength: 3 }))
    .map(([deliveries, retracted]) => [...deliveries, ...retracted.flat()]),
  fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
);

function report(facts: Fact[]): string {
  return JSON.stringify(computeReport({ facts, config, now }));
}

/** The facts `picks` choose each said twice more, under origins chosen among the other facts'. */
function repeated(facts: Fact[], picks: number[]): Fact[] {
  const origins = [...new Set(facts.map((f) => f.origin))].sort();
  const out = [...facts];
  picks.forEach((pick, i) => {
    const fact = facts[pick % facts.length]!;
    out.push({ ...fact, origin: origins[(pick + i) % origins.length]! });
    out.push({ ...fact, origin: origins[(pick + 2 * i + 1) % origins.length]! });
  });
  return out;
}

describe('facts said by several deliveries', () => {
  it('give the same report when each distinct fact keeps only its least and greatest origin', () => {
    fc.assert(
      fc.property(scenario, ([deliveries, picks]) => {
        const all = repeated(ingestDeliveries(deliveries).facts, picks);
        expect(report(keepExtremeOrigins(all))).toBe(report(all));
      }),
      { numRuns: 200 },
    );
  });

  it('give the same report when a fact is said again under an origin within its least and greatest', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.nat()), ([deliveries, picks], again) => {
        const all = repeated(ingestDeliveries(deliveries).facts, picks);
        const range = new Map<string, { least: string; greatest: string }>();
        for (const f of all) {
          const key = factContentKey(f);
          const seen = range.get(key);
          if (!seen) range.set(key, { least: f.origin, greatest: f.origin });
          else {
            if (f.origin < seen.least) seen.least = f.origin;
            if (f.origin > seen.greatest) seen.greatest = f.origin;
          }
        }
        const origins = [...new Set(all.map((f) => f.origin))];
        const more = [...all];
        again.forEach((pick, i) => {
          const fact = all[pick % all.length]!;
          const { least, greatest } = range.get(factContentKey(fact))!;
          const origin = origins[(pick + i) % origins.length]!;
          if (origin >= least && origin <= greatest) more.push({ ...fact, origin });
        });
        expect(report(more)).toBe(report(all));
      }),
      { numRuns: 200 },
    );
  });
});
