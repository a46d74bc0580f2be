import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config/index.ts';

const DAY = 86_400_000;

describe('defaultConfig', () => {
  it('has the defaults docs/configuration.md lists', () => {
    const config = defaultConfig();
    expect(config).toMatchObject({
      segment: null,
      segments: [],
      segmentProperty: 'segment',
      period: 14 * DAY,
      periodAnchor: Date.UTC(2024, 0, 1),
      history: 6,
      includePrereleases: false,
      rollbackWindow: 7 * DAY,
      maxDevopsActivities: 3,
      minCoverage: 80,
      coverage: { fallback: 'latest-before' },
      rollback: {
        signals: ['redeploy', 'retracted', 'workflow', 'label', 'revert-pr', 'recorded'],
        labels: ['rollback'],
      },
      devops: { kinds: ['manual-workflow', 'rerun', 'manual-deployment', 'deployment-approval', 'hotfix'] },
      patches: {
        sla: { critical: 7 * DAY, high: 7 * DAY, medium: 7 * DAY, low: 7 * DAY },
        dismissedAsFixed: false,
        target: 100,
      },
      overrides: {},
      targets: {},
      publish: { checkRun: true, releaseNotes: true, failOnNotWellPackaged: false },
    });
    expect(config.rollback.workflows.map((p) => p.source)).toEqual(['/rollback|roll back|revert/i']);
    expect(config.rollback.workflows[0]).toMatchObject({ kind: 'regex' });
    expect(config.devops.hotfixPattern).toMatchObject({ kind: 'regex', source: '/hotfix/i' });
  });

  it('has no key beyond the Config type', () => {
    expect(Object.keys(defaultConfig()).sort()).toEqual(
      [
        'segment',
        'segments',
        'segmentProperty',
        'period',
        'periodAnchor',
        'history',
        'includePrereleases',
        'rollbackWindow',
        'maxDevopsActivities',
        'minCoverage',
        'coverage',
        'rollback',
        'devops',
        'patches',
        'overrides',
        'targets',
        'publish',
      ].sort(),
    );
  });

  it("equals the contract's defaults block (fixtures/interfaces-defaults.yml), parsed", () => {
    const text = readFileSync(new URL('./fixtures/interfaces-defaults.yml', import.meta.url), 'utf8');
    expect(parseConfig({ text, file: 'interfaces.md' })).toEqual(defaultConfig());
  });

  it('equals an empty or comment-only file', () => {
    expect(parseConfig({ text: '', file: 'f.yml' })).toEqual(defaultConfig());
    expect(parseConfig({ text: '# nothing yet\n', file: 'f.yml' })).toEqual(defaultConfig());
    expect(parseConfig({ text: '---\n', file: 'f.yml' })).toEqual(defaultConfig());
  });

  it('returns a fresh object each call', () => {
    const first = defaultConfig();
    first.rollback.labels.push('mutated');
    first.patches.sla.critical = 1;
    expect(defaultConfig().rollback.labels).toEqual(['rollback']);
    expect(defaultConfig().patches.sla.critical).toBe(7 * DAY);
  });
});
