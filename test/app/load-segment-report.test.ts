// The org report a verdict's trend is read from (docs/app.md, "What each
// output shows"), over a real SQLite store: the other repositories through
// their stored evaluations, the same figures the dashboard's loadOrgReport
// gives, and what it leaves out said.
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { loadOrgReport } from '../../app/dashboard/load-org-report.ts';
import { loadSegmentReport } from '../../app/jobs/load-segment-report.ts';
import { type Config, type ConfigReads, parseConfig } from '../../src/config/index.ts';
import { ingestDeliveries } from '../../src/events/index.ts';
import { createRepoEvaluator, reevaluateRepo } from '../../src/kpi/index.ts';
import { applyMigrations, createStore, openSqlite, type Store } from '../../src/store/index.ts';
import { parseInstant } from '../../src/time/index.ts';
import { coverageReported, releasePublished, sha } from '../kpi/deliveries.ts';

const NOW = parseInstant('2026-03-20T00:00:00Z')!;
const ORG_CONFIG = 'segments:\n  cloud: ["*"]\n';
const orgReads = (text: string): ConfigReads => ({
  reads: [{ name: 'acme/.github/.github/shipwell.yml', role: 'own', text }],
  problem: null,
});

/** A store holding acme/shop, acme/web and acme/own, each evaluated and saved under `configOf(repo)`. */
async function storeWith(configOf: (repo: string) => Config): Promise<Store> {
  const db = openSqlite({ database: new DatabaseSync(':memory:') });
  await applyMigrations({ db, now: 0 });
  const store = createStore({ db });
  const deliveries = ['acme/shop', 'acme/web', 'acme/own'].flatMap((repo, i) => {
    const commit = sha(`${repo}1`);
    return [
      releasePublished({ repo, tag: 'v1.0.0', commit, publishedAt: `2026-03-1${i}T10:00:00Z` }),
      coverageReported({ repo, commit, covered: 90, total: 100, completedAt: `2026-03-1${i}T11:00:00Z`, id: 50 + i }),
    ];
  });
  await store.facts.write({ facts: ingestDeliveries(deliveries).facts });
  await store.configs.save({ scope: 'acme', value: orgReads(ORG_CONFIG), error: null, readAt: NOW });
  for (const repo of ['acme/shop', 'acme/web', 'acme/own']) {
    await store.repos.register({ repos: [{ repo, installationId: 42 }], now: NOW });
    const reevaluation = await reevaluateRepo({
      repo,
      previous: null,
      changes: 'all',
      source: store.facts.source({ repo }),
      config: configOf(repo),
      now: NOW,
    });
    await store.states.save({ org: 'acme', reevaluation });
  }
  return store;
}

const orgConfig = parseConfig({ text: ORG_CONFIG, file: 'shipwell.yml' });
/** acme/own has its own file that counts prereleases: its evaluation is another config's. */
const ownConfig = parseConfig({ text: `${ORG_CONFIG}includePrereleases: true\n`, file: 'shipwell.yml' });

describe('loadSegmentReport', () => {
  it("tallies the org's repositories from their stored evaluations: the dashboard's figures", async () => {
    const store = await storeWith(() => orgConfig);
    const evaluation = (await store.states.read({ repo: 'acme/shop' }))!;
    const loaded = await loadSegmentReport({ store, org: 'acme', repo: 'acme/shop', evaluation, now: NOW });
    expect(loaded?.uncounted).toEqual([]);
    const cloud = loaded?.report.segments.find((s) => s.name === 'cloud');
    expect(cloud?.repos).toEqual(['acme/own', 'acme/shop', 'acme/web']);
    const dashboard = await loadOrgReport({ store, org: 'acme', now: NOW });
    expect(loaded?.report.segments).toEqual(dashboard.segments);
  });

  it('leaves out and names a repository evaluated under another config; re-evaluates its own from its facts', async () => {
    const store = await storeWith((repo) => (repo === 'acme/own' ? ownConfig : orgConfig));
    const evaluation = (await store.states.read({ repo: 'acme/shop' }))!;
    const loaded = await loadSegmentReport({ store, org: 'acme', repo: 'acme/shop', evaluation, now: NOW });
    expect(loaded?.uncounted).toEqual(['acme/own']);
    expect(loaded?.report.segments.find((s) => s.name === 'cloud')?.repos).toEqual(['acme/shop', 'acme/web']);
    // publishing for acme/own: its evaluation is another config's, so it is evaluated again under the org's
    const own = createRepoEvaluator(ownConfig).evaluate({
      repo: 'acme/own',
      facts: await store.facts.read({ repo: 'acme/own' }),
      now: NOW,
    });
    const forOwn = await loadSegmentReport({ store, org: 'acme', repo: 'acme/own', evaluation: own, now: NOW });
    expect(forOwn?.uncounted).toEqual([]);
    expect(forOwn?.report.segments.find((s) => s.name === 'cloud')?.repos).toEqual([
      'acme/own',
      'acme/shop',
      'acme/web',
    ]);
  });

  it("gives null when the org's stored config does not validate (the trend is then the repository's own)", async () => {
    const store = await storeWith(() => orgConfig);
    await store.configs.save({ scope: 'acme', value: orgReads('history: -1\n'), error: 'bad', readAt: NOW });
    const evaluation = (await store.states.read({ repo: 'acme/shop' }))!;
    expect(await loadSegmentReport({ store, org: 'acme', repo: 'acme/shop', evaluation, now: NOW })).toBeNull();
  });
});
