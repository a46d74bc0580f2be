import { describe, expect, it } from 'vitest';
import { DeliveryError, deliveryTime, normalizeDelivery } from '../../src/events/index.ts';
import { ignoredReasonOf } from './facts-of.ts';
import { webhookDelivery } from './load-webhook.ts';

describe('normalizeDelivery', () => {
  it('an unknown event is ignored with a reason naming it, never an error', () => {
    const result = normalizeDelivery(webhookDelivery('star.created'));
    expect(ignoredReasonOf(result)).toBe('star: Shipwell does not read this event');
    expect(result.facts?.map((f) => f.type)).toEqual(['repo-info']);
  });

  it('an unknown event with a payload of any shape is still ignored', () => {
    for (const payload of [null, 42, 'text', [], { repository: 'x' }]) {
      expect(normalizeDelivery({ id: 'd-1', name: 'some_future_event', payload }).kind).toBe('ignored');
    }
  });

  it('a read event whose payload is not an object is an error at payload', () => {
    expect(() => normalizeDelivery({ id: 'd-2', name: 'release', payload: null })).toThrow(
      'delivery d-2: payload: expected an object, found null',
    );
  });

  it('a read event without repository is an error at payload.repository', () => {
    const delivery = webhookDelivery('dependabot_alert.created', { overrides: { repository: undefined } });
    expect(() => normalizeDelivery(delivery)).toThrow(/payload\.repository: expected an object, found nothing/);
  });

  it('an invalid delivery time is an error at `at`', () => {
    const delivery = webhookDelivery('release.published', { at: '2026-03-01 10:00' });
    expect(() => normalizeDelivery(delivery)).toThrow(
      'delivery 72d3162e-cc78-11e3-81ab-4c9367dc0958: at: expected an ISO-8601 time, found "2026-03-01 10:00"',
    );
  });

  it('the origin of every fact is the delivery id', () => {
    const result = normalizeDelivery(webhookDelivery('release.published', { id: 'delivery-42' }));
    expect(result.kind === 'facts' && result.facts.every((f) => f.origin === 'delivery-42')).toBe(true);
  });
});

describe('deliveryTime', () => {
  it('null without at', () => {
    expect(deliveryTime({ id: 'd', at: undefined })).toBeNull();
  });

  it.each([
    '2026-03-01T10:00:00Z',
    '2026-03-01T10:00:00.000Z',
    '2026-03-01T10:00:00+00:00',
    '2026-03-01T11:00:00+01:00',
  ])('parses %s', (at) => {
    expect(deliveryTime({ id: 'd', at })).toBe(Date.UTC(2026, 2, 1, 10));
  });

  it('throws a DeliveryError with the fields set', () => {
    expect(() => deliveryTime({ id: 'd-9', at: 'soon' })).toThrow(DeliveryError);
    try {
      deliveryTime({ id: 'd-9', at: 'soon' });
    } catch (error) {
      expect(error).toMatchObject({ deliveryId: 'd-9', path: 'at', expected: 'an ISO-8601 time', found: '"soon"' });
    }
  });
});
