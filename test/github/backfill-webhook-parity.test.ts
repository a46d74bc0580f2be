// Parity: the report from the org collector's backfill equals the report the
// App computes from the same history heard as webhooks, on a small
// synthetic org (docs/app.md, "The first hour"). What the API cannot show
// (docs/kpis.md) is kept out of the history: no deleted releases, no
// reopened alerts, approvals at their run's last update.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/index.ts';
import { normalizeDelivery } from '../../src/events/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import { collectWholeOrg } from './collect-whole-org.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { makeSyntheticOrg } from './make-synthetic-org.ts';
import { webhooksOfRepo } from './webhooks-of-repo.ts';

const NOW = Date.parse('2026-11-20T12:00:00Z');

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

describe('backfill and webhooks', () => {
  it('give the same report for the same history', async () => {
    const org = makeSyntheticOrg({ repos: 10, now: NOW });
    const config = defaultConfig();
    const heard = org.flatMap(webhooksOfRepo).flatMap((delivery) => normalizeDelivery(delivery).facts ?? []);

    fake = await startFakeGitHub(org);
    const collected = await collectWholeOrg({ url: fake.url, now: NOW });
    const fromWebhooks = computeReport({ facts: heard, config, now: NOW });
    const fromBackfill = computeReport({ facts: collected.facts, config, now: NOW });
    expect(fromBackfill.releases.length).toBeGreaterThan(20);
    expect(fromBackfill).toEqual(fromWebhooks);
  });
});
