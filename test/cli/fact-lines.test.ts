// Fact lines in the CLI's JSONL input (docs/app.md, "Export and audit"): what the
// App's export writes for facts no delivery says, read beside deliveries.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../cli/errors.ts';
import { readDeliveries } from '../../cli/read-deliveries.ts';
import { parseConfig } from '../../src/config/index.ts';
import { normalizeDelivery } from '../../src/events/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import { releasePublished, sha } from '../kpi/deliveries.ts';

const dir = mkdtempSync(join(tmpdir(), 'shipwell-fact-lines-'));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('fact lines', () => {
  const delivery = releasePublished({
    repo: 'acme/api',
    tag: 'v1.0.0',
    publishedAt: '2026-03-02T10:00:00Z',
    commit: sha('v1'),
  });
  const facts = normalizeDelivery(delivery).facts ?? [];

  it('are read as the facts they are, beside the deliveries, which read as before', async () => {
    const path = file('mixed.jsonl', [
      JSON.stringify(delivery),
      '',
      ...facts.map((fact) => JSON.stringify({ fact: { ...fact, origin: `api:${fact.type}` } })),
    ]);
    const read = await readDeliveries(path);
    expect(read.deliveries.map((d) => [d.delivery.id, d.line])).toEqual([[delivery.id, 1]]);
    expect(read.facts).toEqual(facts.map((fact) => ({ ...fact, origin: `api:${fact.type}` })));
    // a fact line says what its delivery says: the report is the same from either
    const config = parseConfig({ text: '', file: 'shipwell.yml' });
    const now = Date.parse('2026-03-20T00:00:00Z');
    expect(computeReport({ facts: read.facts, config, now })).toEqual(computeReport({ facts, config, now }));
  });

  it('name the line and the key of a bad fact', async () => {
    const [release] = facts;
    const bad = file('bad.jsonl', [
      JSON.stringify(delivery),
      JSON.stringify({ fact: { ...release, publishedAt: '2026-03-02' } }),
    ]);
    await expect(readDeliveries(bad)).rejects.toThrow(InputError);
    await expect(readDeliveries(bad)).rejects.toThrow(/bad\.jsonl:2: fact\.publishedAt: /);
    const unknown = file('unknown.jsonl', [JSON.stringify({ fact: { ...release, type: 'star' } })]);
    await expect(readDeliveries(unknown)).rejects.toThrow(/unknown\.jsonl:1: fact\.type: /);
    const extra = file('extra.jsonl', [JSON.stringify({ fact: release, id: 'x' })]);
    await expect(readDeliveries(extra)).rejects.toThrow(
      /extra\.jsonl:1: a fact line has only the key "fact", found also id/,
    );
  });
});
