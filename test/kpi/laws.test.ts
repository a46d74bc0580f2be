// The engine's laws (issue #2), checked on random scenarios built from real
// payloads: the report does not depend on delivery order, reading a delivery
// twice changes nothing, and facts of repo A never move numbers of segments
// that exclude A.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WebhookDelivery } from '../../src/events/index.ts';
import { deliveryArb as deliveryOf, NOW, scenarioArb } from './random-scenario.ts';
import { reportOf } from './report-of.ts';

const REPOS = ['acme/api', 'acme/web', 'acme/app-ios'];
const CONFIG = 'segments:\n  ios: ["*-ios"]\n  cloud: ["acme/api"]\n  web: ["acme/web"]\n';
const deliveryArb = deliveryOf(REPOS);
const scenario = scenarioArb(REPOS);

function report(deliveries: WebhookDelivery[]) {
  return reportOf({ deliveries, now: NOW, config: CONFIG });
}

describe('laws of the KPI engine', () => {
  it('the report does not depend on delivery order', () => {
    fc.assert(
      fc.property(scenario, fc.infiniteStream(fc.nat()), (deliveries, randoms) => {
        const shuffled = [...deliveries];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = randoms.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(report(shuffled)).toEqual(report(deliveries));
      }),
      { numRuns: 150 },
    );
  });

  it('reading any delivery twice changes nothing', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.nat()), (deliveries, picks) => {
        const again = picks.map((p) => deliveries[p % deliveries.length]!);
        expect(report([...deliveries, ...again])).toEqual(report(deliveries));
      }),
      { numRuns: 150 },
    );
  });

  it('adding an event for repo A never changes the numbers of segments that exclude A', () => {
    fc.assert(
      fc.property(scenario, deliveryArb, (deliveries, extra) => {
        const added = extra();
        const addedRepo = (added.payload as { repository: { full_name: string } }).repository.full_name;
        const before = report(deliveries);
        const after = report([...deliveries, added]);
        const segmentOf = (r: typeof before) =>
          r.segments.find((s) => s.name !== 'all' && s.repos.includes(addedRepo))?.name;
        const touched = segmentOf(after);
        for (const segment of after.segments) {
          if (segment.name === 'all' || segment.name === touched) continue;
          expect(segment).toEqual(before.segments.find((s) => s.name === segment.name));
        }
        const others = (r: typeof before) => r.releases.filter((x) => x.repo !== addedRepo);
        expect(others(after)).toEqual(others(before));
      }),
      { numRuns: 150 },
    );
  });
});
