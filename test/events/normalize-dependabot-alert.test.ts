import { describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../src/events/index.ts';
import { eventFactsOf } from './facts-of.ts';
import { loadWebhook, webhookDelivery } from './load-webhook.ts';

interface Alert {
  number: number;
  created_at: string;
  updated_at: string;
  fixed_at: string | null;
}

describe('dependabot_alert deliveries', () => {
  it('created: an open alert, moderate/medium severity', () => {
    const alert = loadWebhook('dependabot_alert.created').alert as Alert;
    const delivery = webhookDelivery('dependabot_alert.created');
    const repo = (loadWebhook('dependabot_alert.created').repository as { full_name: string }).full_name;
    expect(eventFactsOf(normalizeDelivery(delivery))).toEqual([
      {
        type: 'alert',
        repo,
        origin: delivery.id,
        number: alert.number,
        state: 'open',
        severity: 'medium',
        createdAt: Date.parse(alert.created_at),
        updatedAt: Date.parse(alert.updated_at),
        fixedAt: null,
        dismissedAt: null,
        autoDismissedAt: null,
      },
    ]);
  });

  it('fixed: fixedAt from fixed_at', () => {
    const alert = loadWebhook('dependabot_alert.fixed').alert as Alert;
    expect(eventFactsOf(normalizeDelivery(webhookDelivery('dependabot_alert.fixed')))).toMatchObject([
      { state: 'fixed', fixedAt: Date.parse(alert.fixed_at ?? '') },
    ]);
  });

  it.each([
    ['dismissed', { dismissed_at: '2023-06-25T10:00:00Z' }, { dismissedAt: Date.parse('2023-06-25T10:00:00Z') }],
    [
      'auto_dismissed',
      { auto_dismissed_at: '2023-06-25T10:00:00Z' },
      { autoDismissedAt: Date.parse('2023-06-25T10:00:00Z') },
    ],
    ['open', {}, { fixedAt: null }],
  ])('state %s', (state, fields, expected) => {
    const delivery = webhookDelivery('dependabot_alert.created', { overrides: { alert: { state, ...fields } } });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ state, ...expected }]);
  });

  it.each(['reintroduced', 'reopened', 'auto_reopened', 'dismissed', 'auto_dismissed'])(
    'action %s is read like every other',
    (action) => {
      const delivery = webhookDelivery('dependabot_alert.created', { overrides: { action } });
      expect(eventFactsOf(normalizeDelivery(delivery))).toHaveLength(1);
    },
  );

  it.each([
    ['CRITICAL', 'high', 'critical'],
    ['moderate', 'moderate', 'medium'],
    ['Low', 'low', 'low'],
    ['unknown', 'high', null],
    [null, 'High', 'high'],
  ])('severity: advisory %o, else vulnerability %o → %o', (advisory, vulnerability, severity) => {
    const delivery = webhookDelivery('dependabot_alert.created', {
      overrides: {
        alert: { security_advisory: { severity: advisory }, security_vulnerability: { severity: vulnerability } },
      },
    });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ severity }]);
  });

  it('updatedAt falls back to createdAt', () => {
    const alert = loadWebhook('dependabot_alert.created').alert as Alert;
    const delivery = webhookDelivery('dependabot_alert.created', { overrides: { alert: { updated_at: undefined } } });
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ updatedAt: Date.parse(alert.created_at) }]);
  });

  it('an unknown state is an error listing the known ones', () => {
    const delivery = webhookDelivery('dependabot_alert.created', { overrides: { alert: { state: 'closed' } } });
    expect(() => normalizeDelivery(delivery)).toThrow(
      'payload.alert.state: expected one of "open", "fixed", "dismissed", "auto_dismissed", found "closed"',
    );
  });
});
