// Segments (docs/kpis.md, "Segments"): rules, custom properties, topics, targets.
import { describe, expect, it } from 'vitest';
import type { WebhookDelivery } from '../../src/events/index.ts';
import { releasePublished, sha } from './deliveries.ts';
import { periodOf, reportOf } from './report-of.ts';

const now = '2026-03-20T00:00:00Z';

function releaseOfRepo(repo: string, repository: Record<string, unknown> = {}): WebhookDelivery {
  const d = releasePublished({ repo, tag: 'v1', publishedAt: '2026-03-02T10:00:00Z', commit: sha(repo) });
  Object.assign((d.payload as { repository: Record<string, unknown> }).repository, repository);
  return d;
}

function segmentsOf(deliveries: WebhookDelivery[], config = ''): Record<string, string> {
  const report = reportOf({ deliveries, now, config });
  return Object.fromEntries(report.releases.map((r) => [r.repo, r.segment]));
}

describe('segment resolution', () => {
  it('takes the first matching rule in file order: globs with / match owner/name, others the name', () => {
    const config = 'segments:\n  ios: ["*-ios", "acme/mobile-*"]\n  cloud: ["acme/**"]\n  on-prem: ["server"]\n';
    expect(
      segmentsOf(
        [
          releaseOfRepo('acme/app-IOS'),
          releaseOfRepo('acme/mobile-x'),
          releaseOfRepo('acme/api'),
          releaseOfRepo('other/server'),
        ],
        config,
      ),
    ).toEqual({ 'acme/app-IOS': 'ios', 'acme/mobile-x': 'ios', 'acme/api': 'cloud', 'other/server': 'on-prem' });
  });

  it('then the custom property (first value of a multi-select), then topics, else unsegmented', () => {
    const deliveries = [
      releaseOfRepo('acme/a', { custom_properties: { segment: ['payments', 'cloud'] }, topics: ['ios'] }),
      releaseOfRepo('acme/b', { topics: ['kotlin', 'on-prem', 'cloud'] }),
      releaseOfRepo('acme/c', { topics: ['data'] }),
      releaseOfRepo('acme/d', { topics: ['kotlin'] }),
    ];
    expect(segmentsOf(deliveries, 'segments:\n  data: []\n')).toEqual({
      'acme/a': 'payments',
      'acme/b': 'cloud',
      'acme/c': 'data',
      'acme/d': 'unsegmented',
    });
  });

  it('learns topics from any delivery of the repo, and a top-level segment overrides everything', () => {
    const deliveries = [releaseOfRepo('acme/a'), releaseOfRepo('acme/b', { topics: ['ios'] })];
    (deliveries[0]!.payload as { repository: Record<string, unknown> }).repository.topics = [];
    expect(segmentsOf(deliveries)).toEqual({ 'acme/a': 'unsegmented', 'acme/b': 'ios' });
    expect(segmentsOf(deliveries, 'segment: cloud')).toEqual({ 'acme/a': 'cloud', 'acme/b': 'cloud' });
  });

  it('lists all, then every segment that has a repo, by name', () => {
    const report = reportOf({
      deliveries: [releaseOfRepo('acme/z', { topics: ['on-prem'] }), releaseOfRepo('acme/y', { topics: ['cloud'] })],
      now,
    });
    expect(report.segments.map((s) => [s.name, s.repos])).toEqual([
      ['all', ['acme/y', 'acme/z']],
      ['cloud', ['acme/y']],
      ['on-prem', ['acme/z']],
    ]);
  });
});

describe('targets', () => {
  it('are shown as on or off target and never change a number', () => {
    const deliveries = [releaseOfRepo('acme/a', { topics: ['cloud'] })];
    const plain = reportOf({ deliveries, now: '2026-03-10T00:00:00Z' });
    const targeted = reportOf({
      deliveries,
      now: '2026-03-10T00:00:00Z',
      config: 'targets:\n  all: { share: 90, wellPackaged: 1 }\n  cloud: { wellPackaged: 3 }\n',
    });
    const strip = (r: typeof plain) => r.segments.map((s) => s.periods.map(({ onTarget: _, ...numbers }) => numbers));
    expect(strip(targeted)).toEqual(strip(plain));
    const cloud = targeted.segments.find((s) => s.name === 'cloud')!;
    expect(cloud.targets).toEqual({ patchCoverage: 100, share: 90, wellPackaged: 3 });
    // The release is coverage-missing: 0 of 1 well-packaged, share 0 %.
    expect(periodOf(targeted, 'cloud', '2026-03-02T10:00:00.000Z').onTarget).toEqual({
      wellPackaged: false,
      share: false,
      patchCoverage: null,
    });
  });
});
