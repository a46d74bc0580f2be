// What a store indexes of a fact and what each FactSource query returns
// (docs/kpis.md, "Re-evaluating only what can change"): the pure references
// a store's SQL is tested against, on facts from real payloads.
import { describe, expect, it } from 'vitest';
import { ingestDeliveries, type WebhookDelivery } from '../../src/events/index.ts';
import type { Fact } from '../../src/events/types.ts';
import {
  createMemoryFactSource,
  factContentKey,
  factIndexFields,
  findEarliestAt,
  keepExtremeOrigins,
  listGroupsKnownBetween,
  selectFacts,
} from '../../src/kpi/index.ts';
import {
  alertEvent,
  approvalGiven,
  coverageReported,
  deploymentSucceeded,
  labeled,
  pullMerged,
  releasePublished,
  releaseRetracted,
  repositoryTouched,
  rollbackRecorded,
  sha,
  tagPushed,
  workflowRunCompleted,
} from './deliveries.ts';

const repo = 'acme/api';
const t = (iso: string): number => Date.parse(iso);

/** The facts of one delivery but its repo-info fact. */
function factsOf(delivery: WebhookDelivery): Fact[] {
  return ingestDeliveries([delivery]).facts.filter((f) => f.type !== 'repo-info');
}

function only(delivery: WebhookDelivery): Fact {
  const [fact] = factsOf(delivery);
  return fact!;
}

describe('factIndexFields', () => {
  it('puts release, release-sha and retraction facts in their tag group, without time or commit', () => {
    const [release, releaseSha] = factsOf(
      releasePublished({ repo, tag: 'v1', publishedAt: '2026-03-01T00:00:00Z', commit: sha('v1') }),
    );
    expect(factIndexFields(release!)).toEqual({
      group: 'release:v1',
      at: null,
      lastAt: null,
      knownAt: t('2026-03-01T00:00:00Z'),
      sha: null,
      ref: null,
    });
    expect(factIndexFields(releaseSha!)).toMatchObject({ group: 'release:v1', knownAt: null, sha: null });
    expect(factIndexFields(only(tagPushed({ repo, tag: 'v1', commit: sha('x') })))).toMatchObject({
      group: 'release:v1',
    });
    const retraction = only(
      releaseRetracted({
        repo,
        tag: 'v1',
        action: 'deleted',
        publishedAt: '2026-03-01T00:00:00Z',
        at: '2026-03-02T00:00:00Z',
      }),
    );
    expect(factIndexFields(retraction)).toMatchObject({
      group: 'release:v1',
      at: null,
      knownAt: t('2026-03-02T00:00:00Z'),
    });
  });

  it('spans a deployment status from the deployment creation to the status, naming its commit and tag', () => {
    const status = only(
      deploymentSucceeded({
        repo,
        deploymentId: 7,
        commit: sha('v1'),
        ref: 'refs/tags/v1',
        createdAt: '2026-03-01T00:00:00Z',
        succeededAt: '2026-03-01T02:00:00Z',
      }),
    );
    expect(factIndexFields(status)).toEqual({
      group: 'deployment:7',
      at: t('2026-03-01T00:00:00Z'),
      lastAt: t('2026-03-01T02:00:00Z'),
      knownAt: t('2026-03-01T02:00:00Z'),
      sha: sha('v1'),
      ref: 'v1',
    });
  });

  it('groups every attempt of a workflow run, timed by its start', () => {
    const attempt = only(
      workflowRunCompleted({
        repo,
        runId: 42,
        attempt: 3,
        commit: sha('v1'),
        branch: 'v1',
        startedAt: '2026-03-01T00:00:00Z',
        updatedAt: '2026-03-01T01:00:00Z',
      }),
    );
    const start = t('2026-03-01T00:00:00Z');
    expect(factIndexFields(attempt)).toEqual({
      group: 'workflow-run:42',
      at: start,
      lastAt: start,
      knownAt: start,
      sha: sha('v1'),
      ref: 'v1',
    });
  });

  it('keys approvals, labels, merged PRs, check runs and alerts as the engine reduces them', () => {
    const at = '2026-03-01T00:00:00Z';
    const fields = (d: WebhookDelivery) => factIndexFields(only(d));
    expect(fields(approvalGiven({ repo, runId: 9, commit: sha('v1'), at }))).toMatchObject({
      group: 'approval:9:1:octocat',
      at: t(at),
      sha: sha('v1'),
      ref: 'main',
    });
    expect(fields(labeled({ repo, number: 3, label: 'roll:back', title: 'x', at }))).toMatchObject({
      group: 'label:3:roll:back',
      at: t(at),
      sha: null,
    });
    expect(fields(pullMerged({ repo, number: 4, headRef: 'revert-3-x', title: 'x', mergedAt: at }))).toMatchObject({
      group: 'merged-pull:4',
      at: t(at),
    });
    expect(
      fields(coverageReported({ repo, commit: sha('v1'), covered: 1, total: 2, completedAt: at, id: 11 })),
    ).toMatchObject({ group: 'coverage:11', at: t(at), sha: sha('v1') });
    expect(fields(rollbackRecorded({ repo, commit: sha('v1'), tag: 'v1', completedAt: at }))).toMatchObject({
      at: t(at),
      sha: sha('v1'),
      ref: 'v1',
    });
    expect(
      fields(alertEvent({ repo, number: 5, action: 'created', state: 'open', createdAt: at, updatedAt: at })),
    ).toEqual({ group: 'alert:5', at: null, lastAt: null, knownAt: t(at), sha: null, ref: null });
  });

  it('groups repo-info facts by when they were observed, without time', () => {
    const [info] = ingestDeliveries([repositoryTouched({ repo, topics: ['ios'], at: '2026-03-01T00:00:00Z' })]).facts;
    expect(factIndexFields(info!)).toEqual({
      group: `repo-info:${t('2026-03-01T00:00:00Z')}`,
      at: null,
      lastAt: null,
      knownAt: null,
      sha: null,
      ref: null,
    });
  });
});

describe('the FactSource references', () => {
  const old = (n: number) =>
    deploymentSucceeded({
      repo,
      deploymentId: n,
      commit: sha(`c${n}`),
      ref: 'main',
      createdAt: '2026-01-01T00:00:00Z',
      succeededAt: '2026-01-01T00:10:00Z',
    });
  const facts = ingestDeliveries([
    old(1),
    // deployment 1 again, much later: its group reaches past `since`
    deploymentSucceeded({
      repo,
      deploymentId: 1,
      commit: sha('c1'),
      ref: 'main',
      createdAt: '2026-01-01T00:00:00Z',
      succeededAt: '2026-03-05T00:00:00Z',
      state: 'inactive',
    }),
    old(2),
    old(3),
    coverageReported({ repo, commit: sha('c3'), covered: 1, total: 2, completedAt: '2025-12-01T00:00:00Z', id: 30 }),
    workflowRunCompleted({ repo, runId: 4, commit: sha('c4'), branch: 'v9', startedAt: '2025-11-01T00:00:00Z' }),
    labeled({ repo, number: 1, label: 'bug', title: 'x', at: '2026-04-01T00:00:00Z' }),
    releasePublished({ repo, tag: 'v9', publishedAt: '2026-02-01T00:00:00Z', commit: sha('v9') }),
  ]).facts.filter((f) => f.type !== 'repo-info');
  const groups = (list: Fact[]) => [...new Set(list.map((f) => factIndexFields(f).group))].sort();

  it('selects whole groups by latest time, commit or name', () => {
    const since = t('2026-03-01T00:00:00Z');
    expect(groups(selectFacts({ facts, selection: { since, chainsSince: null, shas: [], groups: [] } }))).toEqual([
      'deployment:1',
      'label:1:bug',
    ]);
    expect(
      selectFacts({ facts, selection: { since, chainsSince: null, shas: [], groups: [] } }).filter(
        (f) => f.type === 'deployment-status',
      ),
    ).toHaveLength(2);
    expect(
      groups(
        selectFacts({
          facts,
          selection: { since: null, chainsSince: null, shas: [sha('c3')], groups: ['deployment:2'] },
        }),
      ),
    ).toEqual(['coverage:30', 'deployment:2', 'deployment:3']);
    expect(selectFacts({ facts, selection: { since: null, chainsSince: null, shas: [], groups: [] } })).toEqual([]);
  });

  it('selects the chains (deployments, coverage) from an earlier time than the rest', () => {
    const chainsSince = t('2025-10-01T00:00:00Z');
    const all = groups(facts);
    const chains = all.filter((g) => g.startsWith('deployment:') || g.startsWith('coverage:'));
    expect(chains.length).toBeGreaterThan(1);
    expect(groups(selectFacts({ facts, selection: { since: null, chainsSince, shas: [], groups: [] } }))).toEqual(
      chains,
    );
    // a run and a label are read by `since` alone
    expect(
      groups(
        selectFacts({ facts, selection: { since: t('2026-03-01T00:00:00Z'), chainsSince, shas: [], groups: [] } }),
      ),
    ).toEqual([...chains, 'label:1:bug'].sort());
  });

  it('finds the earliest time of the groups named or naming a commit or tag', () => {
    expect(findEarliestAt({ facts, query: { groups: ['deployment:2'], shas: [], refs: [] } })).toBe(
      t('2026-01-01T00:00:00Z'),
    );
    expect(findEarliestAt({ facts, query: { groups: [], shas: [sha('c3')], refs: ['v9'] } })).toBe(
      t('2025-11-01T00:00:00Z'),
    );
    expect(findEarliestAt({ facts, query: { groups: ['release:v9'], shas: [], refs: [] } })).toBeNull();
  });

  it('lists the groups with a fact dated in a range', () => {
    expect(
      listGroupsKnownBetween({ facts, after: t('2026-01-31T00:00:00Z'), upTo: t('2026-03-05T00:00:00Z') }),
    ).toEqual(['deployment:1', 'release:v9']);
  });

  it('answers FactSource from memory with the references', async () => {
    const source = createMemoryFactSource(facts);
    expect(groups(await source.releaseFacts())).toEqual(['release:v9']);
    expect(await source.allFacts()).toEqual(facts);
    expect(await source.earliestAt({ groups: [], shas: [sha('c3')], refs: [] })).toBe(t('2025-12-01T00:00:00Z'));
  });
});

describe('the content of a fact', () => {
  const info = (origin: string, customProperties: Record<string, string>): Fact => ({
    type: 'repo-info',
    repo,
    origin,
    topics: null,
    customProperties,
    observedAt: null,
  });

  it('is the fact without its origin, whatever the order of its keys', () => {
    expect(factContentKey(info('d-1', { a: '1', b: '2' }))).toBe(factContentKey(info('d-2', { b: '2', a: '1' })));
    expect(factContentKey(info('d-1', { a: '1' }))).not.toBe(factContentKey(info('d-1', { a: '2' })));
  });

  it('is kept with its least and greatest origin', () => {
    const kept = keepExtremeOrigins([
      info('d-5', { a: '1' }),
      info('d-2', { a: '1' }),
      info('d-9', { a: '1' }),
      info('d-3', { b: '1' }),
      info('d-3', { b: '1' }),
    ]);
    expect(kept.map((f) => f.origin)).toEqual(['d-2', 'd-9', 'd-3']);
  });
});
