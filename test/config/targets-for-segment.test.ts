import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig, targetsForSegment } from '../../src/config/index.ts';

const config = parseConfig({
  file: 'shipwell.yml',
  text: `
targets:
  all: { share: 90, wellPackaged: 4 }
  ios: { patchCoverage: 90 }
  cloud: { share: 75 }
`,
});

describe('targetsForSegment', () => {
  it('takes each key from the segment, else from all', () => {
    expect(targetsForSegment({ config, segment: 'ios' })).toEqual({ share: 90, wellPackaged: 4, patchCoverage: 90 });
  });

  it('lets a segment key win over the all key', () => {
    expect(targetsForSegment({ config, segment: 'cloud' })).toEqual({ share: 75, wellPackaged: 4 });
  });

  it('gives all to a segment without targets and to all itself', () => {
    expect(targetsForSegment({ config, segment: 'on-prem' })).toEqual({ share: 90, wellPackaged: 4 });
    expect(targetsForSegment({ config, segment: 'all' })).toEqual({ share: 90, wellPackaged: 4 });
  });

  it('leaves out keys set nowhere (no undefined values to spread over a default)', () => {
    const targets = targetsForSegment({ config: defaultConfig(), segment: 'ios' });
    expect(targets).toEqual({});
    expect(Object.keys(targets)).toEqual([]);
    expect(Object.keys(targetsForSegment({ config, segment: 'cloud' })).sort()).toEqual(['share', 'wellPackaged']);
  });

  it('rejects a target out of range and an unknown target key', () => {
    expect(() => parseConfig({ file: 'f.yml', text: 'targets:\n  ios: { share: 101, patchCoverge: 90 }\n' })).toThrow(
      'f.yml:2: targets.ios.share: expected a number from 0 to 100, found 101\nf.yml:2: targets.ios.patchCoverge: unknown key; did you mean "patchCoverage"?',
    );
  });
});
