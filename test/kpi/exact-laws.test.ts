// Laws of spec v2.2's edges (issue #13), checked on random scenarios built
// from real payloads (random-scenario.ts):
// - reading a log in any line order gives the same report, when it holds
//   delivery ids with different payloads too;
// - promoting a prerelease never creates a rollback: a promotion reports
//   exactly as publishing the release directly at the promotion;
// - a report never holds a time that its input did not: every time in it is
//   an input time (any time a delivery holds, or `now`), a period boundary
//   (periodAnchor + k × period) or a window end (an input time +
//   rollbackWindow); a time the calendar does not have is refused, never
//   rolled over into one that was not there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliveryError, ingestDeliveries, type WebhookDelivery } from '../../src/events/index.ts';
import { DAY, formatInstant, readInstant } from '../../src/time/index.ts';
import { coverageReported, labeled, releasePublished, releaseRetracted, sha } from './deliveries.ts';
import { NOW, scenarioArb } from './random-scenario.ts';
import { reportOf } from './report-of.ts';

const REPOS = ['acme/api', 'acme/web'];
const scenario = scenarioArb(REPOS);

function report(deliveries: WebhookDelivery[]) {
  return reportOf({ deliveries, now: NOW });
}

function shuffle<T>(items: readonly T[], randoms: fc.Stream<number>): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randoms.next().value % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every string leaf of a JSON value, with its key path and a setter. */
function stringLeaves(value: unknown): { text: string; path: string[]; set: (text: string) => void }[] {
  const leaves: { text: string; path: string[]; set: (text: string) => void }[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (typeof child === 'string')
        leaves.push({ text: child, path: [...path, key], set: (text) => (record[key] = text) });
      else walk(child, [...path, key]);
    }
  };
  walk(value, []);
  return leaves;
}

/** The times of the event a delivery is about (the engine reads these), not of its repository or sender. */
function eventTimes(payload: unknown) {
  const aside = new Set(['repository', 'sender', 'organization', 'installation', 'author', 'creator', 'approver']);
  return stringLeaves(payload).filter(
    (leaf) => readInstant(leaf.text).ok && leaf.path.length > 1 && !leaf.path.some((key) => aside.has(key)),
  );
}

/** A copy of a delivery with the same id and one string of its payload changed (a time moved, a text edited). */
function conflicting(delivery: WebhookDelivery, pick: number, minutes: number): WebhookDelivery {
  const payload = structuredClone(delivery.payload);
  const leaves = stringLeaves(payload);
  const times = leaves.filter((leaf) => readInstant(leaf.text).ok);
  const leaf = times.length > 0 ? times[pick % times.length]! : leaves[pick % leaves.length]!;
  const reading = readInstant(leaf.text);
  leaf.set(reading.ok ? formatInstant(reading.instant + (minutes + 1) * 60_000) : `${leaf.text} (edited)`);
  return { ...delivery, payload };
}

describe('laws at the edges of the KPI contract', () => {
  it('any line order gives the same report, delivery ids with different payloads included', () => {
    const withConflicts = scenario.chain((deliveries) =>
      fc
        .array(fc.record({ which: fc.nat(), pick: fc.nat(), minutes: fc.integer({ min: 0, max: 5 * 24 * 60 }) }), {
          minLength: 1,
          maxLength: 6,
        })
        .map((edits) => [
          ...deliveries,
          ...edits.map(({ which, pick, minutes }) =>
            conflicting(deliveries[which % deliveries.length]!, pick, minutes),
          ),
        ]),
    );
    fc.assert(
      fc.property(withConflicts, fc.infiniteStream(fc.nat()), (deliveries, randoms) => {
        const expected = report(deliveries);
        expect(expected.warnings.length).toBeGreaterThan(0);
        expect(report(shuffle(deliveries, randoms))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('promoting a prerelease reports as publishing the release at the promotion: never a rollback', () => {
    const promotion = fc.record({
      repo: fc.constantFrom(...REPOS),
      published: fc.integer({ min: 0, max: 50 * 24 * 60 }),
      prereleasedAfter: fc.integer({ min: 0, max: 60 }),
      promotedAfter: fc.integer({ min: 1, max: 10 * 24 * 60 }),
      timed: fc.boolean(),
    });
    const start = Date.parse('2026-01-25T00:00:00Z');
    fc.assert(
      fc.property(scenario, promotion, fc.infiniteStream(fc.nat()), (deliveries, p, randoms) => {
        const iso = (minutes: number) => formatInstant(start + minutes * 60_000);
        const publishedAt = iso(p.published);
        // the `prereleased` GitHub sends at creation comes before the promotion
        const prereleasedAt = iso(p.published + Math.min(p.prereleasedAfter, p.promotedAfter - 1));
        const promotedAt = iso(p.published + p.promotedAfter);
        const base = { repo: p.repo, tag: 'v9.0.0', publishedAt, commit: sha('v9.0.0') };
        const promoted = [
          releasePublished({ ...base, prerelease: true, ...(p.timed ? { at: publishedAt } : {}) }),
          releaseRetracted({
            repo: p.repo,
            tag: 'v9.0.0',
            action: 'prereleased',
            publishedAt,
            ...(p.timed ? { at: prereleasedAt } : {}),
          }),
          releasePublished({ ...base, action: 'released', ...(p.timed ? { at: promotedAt } : {}) }),
        ];
        const direct = releasePublished({ ...base, action: 'released', ...(p.timed ? { at: promotedAt } : {}) });
        const withPromotion = report(shuffle([...deliveries, ...promoted], randoms));
        expect(withPromotion).toEqual(report([...deliveries, direct]));
        const release = withPromotion.releases.find((r) => r.tag === 'v9.0.0');
        expect(release?.rollbacks.filter((r) => r.signal === 'retracted') ?? []).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a report holds no time that is not in its input, now, a period boundary or a window end', () => {
    const PERIOD = 14 * DAY;
    const WINDOW = 7 * DAY;
    const ANCHOR = Date.parse('2024-01-01T00:00:00Z');
    const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    // times around the scenario's with every field in or just past its range: 2026-02-30, hour 24, minute 60…
    const anyTime = fc
      .record({
        month: fc.integer({ min: 1, max: 3 }),
        day: fc.integer({ min: 1, max: 31 }),
        hour: fc.integer({ min: 0, max: 24 }),
        minute: fc.integer({ min: 0, max: 60 }),
      })
      .map(({ month, day, hour, minute }) => `2026-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00Z`);
    const edits = fc.array(fc.record({ which: fc.nat(), pick: fc.nat(), time: anyTime, onAt: fc.boolean() }), {
      minLength: 1,
      maxLength: 4,
    });

    // deliveries whose times the report shows: a release, a labelled issue naming it, its coverage
    const shownTimes = fc
      .record({ published: anyTime, labelled: anyTime, covered: anyTime, tag: fc.constantFrom('v7.0.0', 'v7.1.0') })
      .map(({ published, labelled, covered, tag }) => ({
        times: [published, labelled, covered],
        deliveries: [
          releasePublished({ repo: 'acme/api', tag, publishedAt: published, commit: sha(tag) }),
          labeled({ repo: 'acme/api', number: 99, label: 'rollback', title: `Rolled back ${tag}`, at: labelled }),
          coverageReported({ repo: 'acme/api', commit: sha(tag), covered: 9, total: 10, completedAt: covered }),
        ],
      }));

    fc.assert(
      fc.property(scenario, edits, shownTimes, (deliveries, changes, shown) => {
        const input = [...deliveries, ...shown.deliveries].map((d) => ({ ...d, payload: structuredClone(d.payload) }));
        for (const { which, pick, time, onAt } of changes) {
          const delivery = input[which % input.length]!;
          const times = eventTimes(delivery.payload);
          if (onAt || times.length === 0) delivery.at = time;
          else times[pick % times.length]!.set(time);
        }
        let result: ReturnType<typeof report>;
        try {
          ingestDeliveries(input);
          result = report(input);
        } catch (error) {
          // refused only for a time the calendar does not have, named as such
          expect(error).toBeInstanceOf(DeliveryError);
          expect((error as Error).message).toMatch(/is not a real calendar time/);
          const injected = [...changes.map(({ time }) => time), ...shown.times];
          expect(injected.some((time) => !readInstant(time).ok)).toBe(true);
          return;
        }
        const inputTimes = new Set<number>([Date.parse(NOW)]);
        for (const d of input) {
          for (const text of [d.at, ...stringLeaves(d.payload).map((leaf) => leaf.text)]) {
            const reading = text === undefined ? null : readInstant(text);
            if (reading?.ok) inputTimes.add(reading.instant);
          }
        }
        const allowed = new Set<string>();
        for (const t of inputTimes) {
          allowed.add(formatInstant(t));
          allowed.add(formatInstant(t + WINDOW));
        }
        const isBoundary = (text: string) => (Date.parse(text) - ANCHOR) % PERIOD === 0;
        const reported = stringLeaves(structuredClone(result)).filter((leaf) => ISO_MS.test(leaf.text));
        for (const { text } of reported) expect(allowed.has(text) || isBoundary(text), text).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
