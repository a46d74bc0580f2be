import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '../fixtures/coverage');

/** A fixture's bytes, delivered as chunks of `size` bytes (to cross chunk boundaries). */
export async function* fixtureChunks(name: string, size = 97): AsyncGenerator<Uint8Array> {
  const bytes = readFileSync(join(FIXTURES, name));
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Any text as chunks of `size` characters. */
export async function* textChunks(text: string, size = 13): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export interface ExpectedTotals {
  format: string;
  unit: 'lines' | 'statements';
  workspace: string;
  lines: { covered: number; total: number } | null;
  linesPct: number | null;
  branches: { covered: number; total: number } | null;
  files: number;
}

export function expectedFor(name: string): ExpectedTotals {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as ExpectedTotals;
}
