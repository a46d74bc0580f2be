import type { ConfigReads } from './config-reads.ts';

/**
 * Which file(s) a config came from, or why it is the defaults, in one line:
 * `acme/api/.github/shipwell.yml extending acme/.github/.github/shipwell.yml`,
 * `acme/.github/.github/shipwell.yml (the org's; no acme/api/.github/shipwell.yml)`,
 * `the defaults: no acme/api/.github/shipwell.yml, no acme/.github/.github/shipwell.yml`,
 * `the defaults: acme/api/.github/shipwell.yml could not be read (403 …)`.
 */
export function describeConfigReads({ reads }: Pick<ConfigReads, 'reads'>): string {
  const files = reads.filter((read) => read.text !== null);
  if (files.length === 0) {
    const refused = reads.filter((read) => read.refused !== undefined);
    if (refused.length > 0) {
      return `the defaults: ${refused.map((read) => `${read.name} could not be read (${read.refused})`).join('; ')}`;
    }
    return reads.length === 0 ? 'the defaults' : `the defaults: ${reads.map((read) => `no ${read.name}`).join(', ')}`;
  }
  const [first, ...extended] = files;
  const own = reads[0]!;
  const head = first!.role === 'org' ? `${first!.name} (the org's; no ${own.name})` : first!.name;
  return [head, ...extended.map((read) => `extending ${read.name}`)].join(' ');
}
