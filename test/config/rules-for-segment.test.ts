import { describe, expect, it } from 'vitest';
import { matchesPattern, parseConfig, rulesForSegment } from '../../src/config/index.ts';

const DAY = 86_400_000;

const config = parseConfig({
  file: 'shipwell.yml',
  text: `
minCoverage: 80
patches:
  sla: { critical: 2d, high: 5d }
  target: 95
devops:
  hotfixPattern: /hotfix/i
overrides:
  ios:
    minCoverage: 70
    patches:
      sla: { critical: 3d }
    devops:
      kinds: [rerun]
  on-prem:
    rollbackWindow: 14d
    coverage: { fallback: none }
    devops:
      hotfixPattern: patch-release
    patches: { dismissedAsFixed: true }
`,
});

describe('rulesForSegment', () => {
  it('overrides one key for its segment only', () => {
    expect(rulesForSegment({ config, segment: 'ios' }).minCoverage).toBe(70);
    expect(rulesForSegment({ config, segment: 'cloud' }).minCoverage).toBe(80);
  });

  it('merges a partial sla key by key over the top-level one', () => {
    expect(rulesForSegment({ config, segment: 'ios' }).patches).toEqual({
      sla: { critical: 3 * DAY, high: 5 * DAY, medium: 7 * DAY, low: 7 * DAY },
      dismissedAsFixed: false,
      target: 95,
    });
  });

  it('replaces lists rather than merging them', () => {
    expect(rulesForSegment({ config, segment: 'ios' }).devops.kinds).toEqual(['rerun']);
    expect(rulesForSegment({ config, segment: 'on-prem' }).devops.kinds).toEqual(config.devops.kinds);
  });

  it('replaces a pattern as a whole', () => {
    const { hotfixPattern } = rulesForSegment({ config, segment: 'on-prem' }).devops;
    expect(hotfixPattern).toEqual({ kind: 'exact', source: 'patch-release' });
    expect(matchesPattern(hotfixPattern, 'hotfix-1')).toBe(false);
    expect(matchesPattern(rulesForSegment({ config, segment: 'ios' }).devops.hotfixPattern, 'hotfix-1')).toBe(true);
  });

  it('keeps the other keys of a nested mapping', () => {
    const rules = rulesForSegment({ config, segment: 'on-prem' });
    expect(rules.rollbackWindow).toBe(14 * DAY);
    expect(rules.coverage).toEqual({ fallback: 'none' });
    expect(rules.patches).toEqual({ sla: config.patches.sla, dismissedAsFixed: true, target: 95 });
    expect(rules.maxDevopsActivities).toBe(3);
  });

  it('gives the top-level rules to a segment without overrides, whatever its name', () => {
    const base = {
      rollbackWindow: config.rollbackWindow,
      maxDevopsActivities: config.maxDevopsActivities,
      minCoverage: config.minCoverage,
      coverage: config.coverage,
      devops: config.devops,
      patches: config.patches,
    };
    for (const segment of ['all', 'unsegmented', 'constructor', '__proto__', 'toString']) {
      expect(rulesForSegment({ config, segment })).toEqual(base);
    }
  });

  it('does not change the config', () => {
    const before = structuredClone({ overrides: config.overrides, sla: config.patches.sla });
    rulesForSegment({ config, segment: 'ios' });
    expect({ overrides: config.overrides, sla: config.patches.sla }).toEqual(before);
  });
});
