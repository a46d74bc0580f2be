import { describe, expect, it } from 'vitest';
import { resolveStoredConfig } from '../../app/resolve-stored-config.ts';
import type { ConfigReads } from '../../src/config/index.ts';

const OWN = 'acme/api/.github/shipwell.yml';
const ORG = 'acme/.github/.github/shipwell.yml';

describe("resolveStoredConfig: the App's stored copy", () => {
  it('resolves the files a load read, as they were read: the org file for a repository without one', () => {
    const value: ConfigReads = {
      reads: [
        { name: OWN, role: 'own', text: null },
        { name: ORG, role: 'org', text: 'minCoverage: 60\n' },
      ],
      problem: null,
    };
    expect(resolveStoredConfig({ scope: 'acme/api', value }).minCoverage).toBe(60);
  });

  it('names the org file and line of a mistake', () => {
    const value: ConfigReads = {
      reads: [{ name: ORG, role: 'own', text: 'period: 14d\nhistory: -1\n' }],
      problem: null,
    };
    expect(() => resolveStoredConfig({ scope: 'acme', value })).toThrow(
      `${ORG}:2: history: expected a whole number from 0 to 1000, found -1`,
    );
  });

  it('refuses a config GitHub would not show instead of using the defaults', () => {
    const value: ConfigReads = {
      reads: [
        { name: OWN, role: 'own', text: null, refused: 'GitHub answered 403: Resource not accessible by integration' },
      ],
      problem: null,
    };
    expect(() => resolveStoredConfig({ scope: 'acme/api', value })).toThrow(
      `${OWN}: could not be read (GitHub answered 403: Resource not accessible by integration), and the defaults do not stand in for it`,
    );
  });

  it('still reads a copy stored before (the merged object Probot returned), and nothing stored as the defaults', () => {
    expect(resolveStoredConfig({ scope: 'acme/api', value: { minCoverage: 65 } }).minCoverage).toBe(65);
    expect(resolveStoredConfig({ scope: 'acme', value: null }).minCoverage).toBe(80);
    expect(() => resolveStoredConfig({ scope: 'acme', value: { minCoverge: 65 } })).toThrow(
      new RegExp(`^${ORG.replaceAll('.', '\\.')}:\\d+: minCoverge: unknown key`),
    );
  });
});
