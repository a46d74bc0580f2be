import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  type ConfigFileReader,
  type ConfigReads,
  loadConfig,
  overlayConfigFile,
  readStoredConfig,
  resolveConfig,
} from '../../src/config/index.ts';

const OWN = 'acme/api/.github/shipwell.yml';
const ORG = 'acme/.github/.github/shipwell.yml';

/** A config source over in-memory files, `owner/repo/path` → text, or 'refused'; it records what it was asked. */
function memoryReader(files: Record<string, string | 'refused'>): ConfigFileReader & { asked: string[] } {
  const asked: string[] = [];
  const read: ConfigFileReader = async ({ owner, repo, path }) => {
    const name = `${owner}/${repo}/${path}`;
    asked.push(name);
    const file = files[name];
    if (file === undefined) return { found: 'none' };
    if (file === 'refused')
      return { found: 'refused', reason: 'GitHub answered 403: Resource not accessible by integration' };
    return { found: 'file', text: file };
  };
  return Object.assign(read, { asked });
}

async function configError(run: () => Promise<unknown>): Promise<ConfigError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, none was thrown');
}

const load = (files: Record<string, string | 'refused'>, repo = 'api') =>
  loadConfig({ owner: 'acme', repo, read: memoryReader(files) });

describe('loadConfig: where the config comes from', () => {
  it("reads the repository's own file and says so", async () => {
    const loaded = await load({ [OWN]: 'minCoverage: 70\n', [ORG]: 'minCoverage: 60\n' });
    expect(loaded.config.minCoverage).toBe(70);
    expect(loaded.files).toEqual([OWN]);
    expect(loaded.description).toBe(OWN);
    expect(loaded.refused).toEqual([]);
  });

  it("falls back to the org's .github repository when the repository has none", async () => {
    const read = memoryReader({ [ORG]: 'minCoverage: 60\n' });
    const loaded = await loadConfig({ owner: 'acme', repo: 'api', read });
    expect(loaded.config.minCoverage).toBe(60);
    expect(read.asked).toEqual([OWN, ORG]);
    expect(loaded.description).toBe(`${ORG} (the org's; no ${OWN})`);
    expect(loaded.reads.reads.map((r) => r.role)).toEqual(['own', 'org']);
  });

  it('gives the defaults when neither exists, and names both', async () => {
    const loaded = await load({});
    expect(loaded.config).toEqual(resolveConfig({ reads: [], problem: null }).config);
    expect(loaded.files).toEqual([]);
    expect(loaded.description).toBe(`the defaults: no ${OWN}, no ${ORG}`);
  });

  it('asks nothing more for the org itself (its .github repository has no fallback)', async () => {
    const read = memoryReader({});
    await loadConfig({ owner: 'acme', repo: '.github', read });
    expect(read.asked).toEqual([ORG]);
  });

  it('says so when GitHub refuses the file: the defaults, never silently', async () => {
    const read = memoryReader({ [OWN]: 'refused', [ORG]: 'minCoverage: 60\n' });
    const loaded = await loadConfig({ owner: 'acme', repo: 'api', read });
    expect(read.asked).toEqual([OWN]); // refused is not missing: the org's file does not stand in
    expect(loaded.files).toEqual([]);
    expect(loaded.config.minCoverage).toBe(80);
    expect(loaded.refused).toEqual([{ name: OWN, reason: expect.stringMatching(/403/) }]);
    expect(loaded.description).toBe(
      `the defaults: ${OWN} could not be read (GitHub answered 403: Resource not accessible by integration)`,
    );
  });

  it('passes on what the reader throws (a network failure is not a missing file)', async () => {
    const read: ConfigFileReader = async () => {
      throw new Error('socket hang up');
    };
    await expect(loadConfig({ owner: 'acme', repo: 'api', read })).rejects.toThrow('socket hang up');
  });
});

describe('loadConfig: _extends', () => {
  const org = [
    'segments:',
    '  ios: ["ios-*"]',
    '  cloud: ["*"]',
    'minCoverage: 80',
    'rollback:',
    '  labels: [rollback, revert]',
    '  signals: [label, recorded]',
    'patches:',
    '  sla: { critical: 2d, high: 7d }',
    'overrides:',
    '  ios: { minCoverage: 70, maxDevopsActivities: 5 }',
    'targets:',
    '  all: { share: 90 }',
    '',
  ].join('\n');

  it('lays the repository file over the one it extends: mappings key by key, lists and values replace', async () => {
    const own = [
      '_extends: .github',
      'minCoverage: 85',
      'rollback:',
      '  labels: [oops]',
      'patches:',
      '  sla: { critical: 1d }',
      'overrides:',
      '  ios: { minCoverage: 75 }',
      'targets:',
      '  ios: { patchCoverage: 95 }',
      '',
    ].join('\n');
    const loaded = await load({ [OWN]: own, [ORG]: org });
    const { config } = loaded;
    expect(loaded.files).toEqual([OWN, ORG]);
    expect(loaded.description).toBe(`${OWN} extending ${ORG}`);
    expect(config.minCoverage).toBe(85);
    expect(config.rollback.labels).toEqual(['oops']);
    expect(config.rollback.signals).toEqual(['label', 'recorded']);
    expect(config.patches.sla).toMatchObject({ critical: 86_400_000, high: 7 * 86_400_000 });
    expect(config.overrides).toEqual({ ios: { minCoverage: 75, maxDevopsActivities: 5 } });
    expect(config.targets).toEqual({ all: { share: 90 }, ios: { patchCoverage: 95 } });
    expect(config.segments.map((s) => s.name)).toEqual(['ios', 'cloud']);
  });

  it('takes segments whole from the most specific file that has them, in its order', async () => {
    const own = '_extends: .github\nsegments:\n  "2024": [legacy]\n  android: ["android-*"]\n  cloud: ["*"]\n';
    const { config } = await load({ [OWN]: own, [ORG]: org });
    expect(config.segments).toEqual([
      { name: '2024', patterns: ['legacy'] },
      { name: 'android', patterns: ['android-*'] },
      { name: 'cloud', patterns: ['*'] },
    ]);
  });

  it('follows owner/repo and repo:path forms, and chains', async () => {
    const read = memoryReader({
      [OWN]: '_extends: settings:conf/shipwell.yml\nhistory: 2\n',
      'acme/settings/conf/shipwell.yml': '_extends: other/base\nperiod: 7d\n',
      'other/base/.github/shipwell.yml': 'minCoverage: 50\nhistory: 9\n',
    });
    const loaded = await loadConfig({ owner: 'acme', repo: 'api', read });
    expect(read.asked).toEqual([OWN, 'acme/settings/conf/shipwell.yml', 'other/base/.github/shipwell.yml']);
    expect(loaded.config).toMatchObject({ history: 2, period: 7 * 86_400_000, minCoverage: 50 });
    expect(loaded.reads.reads.map((r) => r.role)).toEqual(['own', 'extends', 'extends']);
  });

  it('follows the _extends of the org file it fell back to', async () => {
    const loaded = await load({
      [ORG]: '_extends: base\nhistory: 3\n',
      'acme/base/.github/shipwell.yml': 'history: 1\nminCoverage: 55\n',
    });
    expect(loaded.config).toMatchObject({ history: 3, minCoverage: 55 });
    expect(loaded.description).toBe(`${ORG} (the org's; no ${OWN}) extending acme/base/.github/shipwell.yml`);
  });
});

describe('loadConfig: errors name the file, the line and the key', () => {
  it('reports every problem of every file together, each in its own file', async () => {
    const error = await configError(() =>
      load({ [OWN]: '_extends: .github\nminCoverge: 70\n', [ORG]: 'period: 14d\nhistory: many\n' }),
    );
    expect(error.message).toBe(
      [
        `${OWN}:2: minCoverge: unknown key; did you mean "minCoverage"?`,
        `${ORG}:2: history: expected a whole number from 0 to 1000, found "many"`,
      ].join('\n'),
    );
  });

  it('reports a problem of the file it extends even when the repository file overrides that key', async () => {
    const error = await configError(() =>
      load({ [OWN]: '_extends: .github\nminCoverage: 70\n', [ORG]: 'minCoverage: eighty\n' }),
    );
    expect(error.message).toBe(`${ORG}:1: minCoverage: expected a number from 0 to 100, found "eighty"`);
  });

  it('names the org file and line of a YAML error found through the fallback', async () => {
    const error = await configError(() => load({ [ORG]: 'minCoverage: 80\nsegments: [\n' }));
    expect(error.file).toBe(ORG);
    expect(error.message).toMatch(new RegExp(`^${ORG.replaceAll('.', '\\.')}:\\d+: invalid YAML`));
  });

  it.each([
    [
      'an invalid value',
      '_extends: "a b"',
      /:2: _extends: expected "repo", "owner\/repo" or "repo:path\/to\/file.yml", found "a b"$/,
    ],
    [
      'a missing file',
      '_extends: gone',
      /:2: _extends: acme\/gone\/\.github\/shipwell\.yml not found \(or not visible to this token\)$/,
    ],
    [
      'a refused file',
      '_extends: secret',
      /:2: _extends: acme\/secret\/\.github\/shipwell\.yml could not be read \(GitHub answered 403/,
    ],
    [
      'a loop',
      '_extends: .github',
      /^acme\/\.github\/\.github\/shipwell\.yml:1: _extends: leads back to acme\/api\/\.github\/shipwell\.yml: a loop$/,
    ],
  ])('refuses %s in _extends, at its line', async (_, line, message) => {
    const error = await configError(() =>
      load({
        [OWN]: `minCoverage: 70\n${line}\n`,
        [ORG]: '_extends: api\n',
        'acme/secret/.github/shipwell.yml': 'refused',
      }),
    );
    expect(error.message).toMatch(message);
  });

  it('names a file the user gave instead of the repository copy (overlayConfigFile)', async () => {
    const read = overlayConfigFile({
      location: { owner: 'Acme', repo: 'API', path: '.github/shipwell.yml' },
      name: 'local/shipwell.yml',
      text: '_extends: .github\nminCoverage: 70\nperiod: soon\n',
      read: memoryReader({ [ORG]: 'history: 2\n' }),
    });
    const error = await configError(() => loadConfig({ owner: 'acme', repo: 'api', read }));
    expect(error.message).toMatch(/^local\/shipwell\.yml:3: period: expected a duration/);
  });
});

describe('resolveConfig: the same reads give the same config anywhere', () => {
  it('resolves stored reads (JSON) again to the same config and description', async () => {
    const loaded = await load({ [OWN]: '_extends: .github\nminCoverage: 70\n', [ORG]: 'history: 2\n' });
    const stored = JSON.parse(JSON.stringify(loaded.reads)) as unknown;
    const again = resolveConfig(readStoredConfig({ value: stored, name: OWN }));
    expect(again.config).toEqual(loaded.config);
    expect(again.description).toBe(loaded.description);
  });

  it("resolves a value stored before reads were kept (Probot's merged object, null for none)", () => {
    expect(resolveConfig(readStoredConfig({ value: { minCoverage: 65 }, name: OWN })).config.minCoverage).toBe(65);
    expect(resolveConfig(readStoredConfig({ value: null, name: OWN })).description).toBe(`the defaults: no ${OWN}`);
    expect(() => resolveConfig(readStoredConfig({ value: { minCoverage: 'x' }, name: OWN }))).toThrow(
      new RegExp(`^${OWN.replaceAll('.', '\\.')}:\\d+: minCoverage: expected a number`),
    );
  });

  it('refuses an _extends no reader followed (shipwell kpis reads no GitHub)', () => {
    const reads: ConfigReads = {
      reads: [{ name: 'my.yml', role: 'own', text: 'history: 2\n_extends: .github\n' }],
      problem: null,
    };
    expect(() => resolveConfig(reads)).toThrow(
      /^my\.yml:2: _extends: cannot follow "\.github" here: only a reader with GitHub access/,
    );
  });
});
