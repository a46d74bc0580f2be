// Reading recorded deliveries: each delivery id once, and what is read never
// depends on the order of the records — a redelivery counts once at its
// earliest time, one id with two payloads reads the greatest by content and
// says so (docs/kpis.md, "One delivery id, two payloads").
import { describe, expect, it } from 'vitest';
import { DeliveryError, ingestDeliveries, type WebhookDelivery } from '../../src/events/index.ts';
import { webhookDelivery } from './load-webhook.ts';

const ID = '72d3162e-cc78-11e3-81ab-4c9367dc0958';

function published(publishedAt: string, at?: string): WebhookDelivery {
  return webhookDelivery('release.published', {
    overrides: { release: { tag_name: 'v1.0.0', published_at: publishedAt } },
    ...(at === undefined ? {} : { at }),
  });
}

const releasesOf = (deliveries: WebhookDelivery[]) =>
  ingestDeliveries(deliveries).facts.filter((fact) => fact.type === 'release');

describe('ingestDeliveries', () => {
  it('reads a redelivery once, at its earliest delivery time, in any order', () => {
    const first = webhookDelivery('issues.labeled', { at: '2026-03-02T10:00:00Z' });
    const again = webhookDelivery('issues.labeled', { at: '2026-03-02T10:05:00+00:00' });
    // the same content, keys in another order: still the same delivery
    const reordered = { ...again, payload: Object.fromEntries(Object.entries(again.payload as object).reverse()) };
    for (const order of [
      [first, again, reordered],
      [reordered, again, first],
    ]) {
      const result = ingestDeliveries(order);
      expect(result.duplicates).toBe(2);
      expect(result.warnings).toEqual([]);
      expect(result.facts.filter((fact) => fact.type === 'label')).toMatchObject([
        { at: Date.parse('2026-03-02T10:00:00Z') },
      ]);
    }
  });

  it('reads the greatest of two payloads of one id, whatever their order, and warns once', () => {
    const march1 = published('2026-03-01T10:00:00Z');
    const march2 = published('2026-03-02T10:00:00Z');
    const warning =
      `delivery ${ID} appears twice with different payloads; the one read is the greatest in canonical JSON ` +
      'order, with payload.release.published_at "2026-03-02T10:00:00Z", not "2026-03-01T10:00:00Z"';
    for (const order of [
      [march1, march2],
      [march2, march1],
    ]) {
      const result = ingestDeliveries(order);
      expect(result.warnings).toEqual([warning]);
      expect(releasesOf(order)).toMatchObject([{ publishedAt: Date.parse('2026-03-02T10:00:00Z') }]);
    }
  });

  it('counts records and distinct payloads, names a missing field and quotes an odd id', () => {
    const id = 'odd id\nwith a break';
    const withBody = { ...published('2026-03-01T10:00:00Z'), id };
    const withoutBody = { ...withBody, payload: { ...(withBody.payload as object), sender: undefined } };
    delete (withoutBody.payload as { sender?: unknown }).sender;
    const result = ingestDeliveries([withBody, withoutBody, withBody]);
    expect(result.warnings).toEqual([
      `delivery "odd id\\nwith a break" appears 3 times with 2 different payloads; the one read is the greatest ` +
        'in canonical JSON order, with payload.sender (absent), not an object',
    ]);
  });

  it('sorts warnings, whatever the order of the ids', () => {
    const a = { ...published('2026-03-01T10:00:00Z'), id: 'b-delivery' };
    const b = { ...published('2026-03-02T10:00:00Z'), id: 'b-delivery' };
    const c = { ...published('2026-03-01T10:00:00Z'), id: 'a-delivery' };
    const d = { ...published('2026-03-03T10:00:00Z'), id: 'a-delivery' };
    const forward = ingestDeliveries([a, b, c, d]).warnings;
    expect(forward).toHaveLength(2);
    expect(forward[0]).toMatch(/^delivery a-delivery /);
    expect(ingestDeliveries([d, b, c, a]).warnings).toEqual(forward);
  });

  it('checks every record: a bad payload that is not read still names its record', () => {
    const good = published('2026-03-02T10:00:00Z');
    const bad = published('2026-02-30T10:00:00Z');
    for (const [order, position] of [
      [[good, bad], 1],
      [[bad, good], 0],
    ] as const) {
      let error: unknown;
      try {
        ingestDeliveries([...order]);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DeliveryError);
      expect((error as DeliveryError).position).toBe(position);
      expect((error as DeliveryError).message).toBe(
        `delivery ${ID}: payload.release.published_at: "2026-02-30T10:00:00Z" is not a real calendar time ` +
          '(February 2026 has 28 days)',
      );
    }
  });

  it('refuses an impossible delivery time on any record of a redelivery', () => {
    const delivery = published('2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z');
    expect(() => ingestDeliveries([delivery, { ...delivery, at: '2026-03-02T24:00:00Z' }])).toThrow(
      `delivery ${ID}: at: "2026-03-02T24:00:00Z" is not a real calendar time (hours run from 00 to 23)`,
    );
  });
});
