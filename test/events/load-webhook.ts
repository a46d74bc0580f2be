// Loads a real webhook payload saved by scripts/extract-webhook-fixtures.ts
// and applies the test's overrides, so every departure from the real payload
// is written in the test that needs it:
// - objects are merged key by key, recursively;
// - arrays and other values replace what was there;
// - a key set to `undefined` is removed (to test a missing field).
import { readFileSync } from 'node:fs';
import type { WebhookDelivery } from '../../src/events/index.ts';

export type Overrides = { [key: string]: unknown };

const FIXTURES = new URL('../fixtures/webhooks/', import.meta.url);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: unknown, overrides: Overrides): Record<string, unknown> {
  const merged: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key];
    else if (isPlainObject(value)) merged[key] = deepMerge(merged[key], value);
    else merged[key] = value;
  }
  return merged;
}

/** The payload of `test/fixtures/webhooks/<fixture>.json` with `overrides` applied. */
export function loadWebhook(fixture: string, overrides: Overrides = {}): Record<string, unknown> {
  const payload: unknown = JSON.parse(readFileSync(new URL(`${fixture}.json`, FIXTURES), 'utf8'));
  return deepMerge(payload, overrides);
}

/**
 * A delivery of the fixture: `name` is the fixture's event (the part before
 * the first dot), `id` a fixed delivery id unless given, `at` only when given.
 */
export function webhookDelivery(
  fixture: string,
  {
    overrides = {},
    at,
    id = '72d3162e-cc78-11e3-81ab-4c9367dc0958',
  }: { overrides?: Overrides; at?: string; id?: string } = {},
): WebhookDelivery {
  const name = fixture.split('.')[0] ?? fixture;
  return { id, name, payload: loadWebhook(fixture, overrides), ...(at === undefined ? {} : { at }) };
}
