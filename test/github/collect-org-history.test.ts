// The org collector (GraphQL where it is cheaper, REST where GraphQL lacks
// the data) against the REST collector on the same synthetic organisation:
// the same facts in meaning, the same report, for less budget; newest
// periods first; a spent budget waited for; 304s free on re-reads.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/index.ts';
import type { Fact } from '../../src/events/types.ts';
import { collectOrgHistory } from '../../src/github/collect/collect-org-history.ts';
import { collectOrgFacts, createOctokit, reportHorizon } from '../../src/github/index.ts';
import { useRateBudget } from '../../src/github/use-rate-budget.ts';
import { computeReport } from '../../src/kpi/index.ts';
import { factKey } from '../../src/store/fact-key.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { makeSyntheticOrg } from './make-synthetic-org.ts';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const config = defaultConfig();
const horizon = reportHorizon({ config, now: NOW });
const partialSince = reportHorizon({ config, now: NOW, periods: 2 });
const labels = config.rollback.labels;

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

/**
 * A fact without its origin (GraphQL names some differently), as comparable
 * text. A release's commit is its tag's commit through GraphQL (`via: api`),
 * where REST also takes a sha `target_commitish` (`via: target`): the same sha.
 */
function meaning(fact: Fact): string {
  const { origin: _origin, ...rest } = fact as Fact & { origin: string };
  if (rest.type === 'release-sha') rest.via = 'api';
  return `${fact.repo} ${factKey(fact)} ${JSON.stringify(rest, Object.keys(rest).sort())}`;
}

function client(url: string, token: string) {
  return createOctokit({ auth: token, baseUrl: url, fetch: globalThis.fetch, retries: false, throttle: false });
}

describe('collectOrgHistory', () => {
  it('reads the same facts as the REST collector and gives the same report, for a fraction of the budget', async () => {
    const org = makeSyntheticOrg({ repos: 12, now: NOW });
    // more rollback-labelled issues than GraphQL's page: REST reads them all
    const busy = org[0]!;
    for (let i = 0; i < 7; i++) {
      const at = new Date(NOW - (i + 1) * 86_400_000).toISOString().replace('.000Z', 'Z');
      busy.issues.push({
        number: 90_000 + i,
        title: `Rollback ${i}`,
        body: 'broke',
        labels: [{ name: 'rollback' }],
        updated_at: at,
      });
      busy.issueEvents[90_000 + i] = [
        { id: 80_000 + i, event: 'labeled', created_at: at, label: { name: 'rollback' } },
      ];
    }
    fake = await startFakeGitHub(org);
    const rest = await collectOrgFacts({
      octokit: client(fake.url, 'rest'),
      org: 'acme',
      since: horizon,
      now: NOW,
      labels,
    });
    const octokit = client(fake.url, 'graphql');
    const budget = useRateBudget({ octokit, clock: () => NOW, sleep: async () => {}, mode: 'wait' });
    const cheap = await collectOrgHistory({ octokit, org: 'acme', horizon, partialSince, now: NOW, labels });

    // REST reads releases and alerts older than the horizon from its pages; neither can change a report
    const old = new Set(
      rest.facts.flatMap((fact) =>
        fact.type === 'release' && fact.publishedAt < horizon ? [`${fact.repo} ${fact.tag}`] : [],
      ),
    );
    // a repository with no release since the horizon needs no pull requests (nothing they could roll back)
    const active = new Set(cheap.facts.flatMap((fact) => (fact.type === 'release' ? [fact.repo] : [])));
    const needed = (fact: Fact) =>
      !(fact.type === 'release' && fact.publishedAt < horizon) &&
      !(fact.type === 'merged-pull' && !active.has(fact.repo)) &&
      !(fact.type === 'release-sha' && old.has(`${fact.repo} ${fact.tag}`)) &&
      !(fact.type === 'merged-pull' && fact.mergedAt < horizon);
    const restMeaning = rest.facts.filter(needed).map(meaning).sort();
    const cheapMeaning = cheap.facts.filter(needed).map(meaning).sort();
    expect(cheapMeaning).toEqual(restMeaning);
    // nothing read twice: the recent and the deep pass share no fact
    expect(new Set(cheapMeaning).size).toBe(cheapMeaning.length);
    expect(cheap.facts.length).toBeGreaterThan(100);
    expect(
      cheap.facts.filter((fact) => fact.type === 'label' && fact.repo === 'acme/service-0000').length,
    ).toBeGreaterThanOrEqual(7);
    expect(computeReport({ facts: cheap.facts, config, now: NOW })).toEqual(
      computeReport({ facts: rest.facts, config, now: NOW }),
    );

    const restSpent = fake.requests.filter((r) => r.authorization === 'token rest').length;
    const spent = budget.spent();
    expect(spent.requests + spent.points).toBeLessThan(restSpent / 2);
  });
});
