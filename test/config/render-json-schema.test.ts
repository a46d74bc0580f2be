import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJsonSchema, SCHEMA_URL } from '../../src/config/index.ts';

interface JsonSchemaNode {
  description?: string;
  default?: unknown;
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: boolean | JsonSchemaNode;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
}

/** Every property of every mapping in the schema, with its dotted path. */
function properties(node: JsonSchemaNode, path = ''): [string, JsonSchemaNode][] {
  const own = Object.entries(node.properties ?? {}).flatMap(([key, child]): [string, JsonSchemaNode][] => [
    [`${path}${key}`, child],
    ...properties(child, `${path}${key}.`),
  ]);
  const values =
    typeof node.additionalProperties === 'object' ? properties(node.additionalProperties, `${path}*.`) : [];
  return [...own, ...values];
}

const schema = JSON.parse(renderJsonSchema()) as JsonSchemaNode;

describe('the JSON Schema', () => {
  it('is the committed schema/shipwell.schema.json (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(new URL('../../schema/shipwell.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderJsonSchema());
  });

  it("carries its $id, the URL docs/configuration.md gives editors (the file at the major version's tag)", () => {
    const document = JSON.parse(renderJsonSchema()) as { $id: string; $schema: string };
    expect(document.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(document.$id).toBe(SCHEMA_URL);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const major = Math.max(1, Number(version.split('.')[0]));
    expect(SCHEMA_URL).toBe(
      `https://raw.githubusercontent.com/shipwell/shipwell/v${major}/schema/shipwell.schema.json`,
    );
    const docs = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    expect(docs).toContain(`# yaml-language-server: $schema=${SCHEMA_URL}`);
    expect(docs).not.toContain('node_modules/shipwell');
  });

  it('describes every key', () => {
    const missing = properties(schema)
      .filter(([, node]) => !node.description)
      .map(([path]) => path);
    expect(missing).toEqual([]);
    expect(properties(schema).length).toBeGreaterThan(40);
  });

  it('closes every mapping to unknown keys', () => {
    const open = [['(root)', schema] as [string, JsonSchemaNode], ...properties(schema)]
      .filter(([, node]) => node.properties && node.additionalProperties !== false)
      .map(([path]) => path);
    expect(open).toEqual([]);
  });

  it('shows the defaults as a user writes them', () => {
    const byPath = new Map(properties(schema));
    expect(byPath.get('period')?.default).toBe('14d');
    expect(byPath.get('periodAnchor')?.default).toBe('2024-01-01T00:00:00Z');
    expect(byPath.get('minCoverage')?.default).toBe(80);
    expect(byPath.get('devops.hotfixPattern')?.default).toBe('/hotfix/i');
    expect(byPath.get('patches.sla.critical')?.default).toBe('7d');
    expect(byPath.get('rollback.workflows')?.default).toEqual(['/rollback|roll back|revert/i']);
    expect(byPath.get('publish.checkRun')?.default).toBe(true);
  });

  it('accepts _extends and describes overrides per segment', () => {
    const byPath = new Map(properties(schema));
    expect(byPath.has('_extends')).toBe(true);
    expect(byPath.has('overrides.*.patches.sla.low')).toBe(true);
    expect(byPath.has('targets.*.patchCoverage')).toBe(true);
  });
});
