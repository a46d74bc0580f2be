import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config/index.ts';

const docs = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
const examples = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('docs/configuration.md', () => {
  it('has YAML examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((text, i) => [i + 1, text] as const))('example %i is a valid config', (_, text) => {
    expect(() => parseConfig({ text, file: 'docs/configuration.md' })).not.toThrow();
  });

  it('shows the defaults as the whole file', () => {
    const whole = examples.find((text) => text.startsWith('segment:'));
    expect(whole).toBeDefined();
    expect(parseConfig({ text: whole!, file: 'docs/configuration.md' })).toEqual(defaultConfig());
  });

  it('shows the error format the code produces', () => {
    let message = '';
    try {
      parseConfig({ text: 'minCoverage: 70\nminCoverge: 80\n', file: '.github/shipwell.yml' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('.github/shipwell.yml:2: minCoverge: unknown key; did you mean "minCoverage"?');
    expect(docs).toContain(message.replace(':2:', ':21:'));
  });
});
