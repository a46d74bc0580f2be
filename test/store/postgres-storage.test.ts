// PostgreSQL's storage tuning (src/store/migrations.ts, migration 10): the
// payloads the door stores and the evaluations the worker saves are
// compressed with LZ4, which costs a fraction of PostgreSQL's default for
// the same webhook JSON.
import { afterAll, describe, expect, it } from 'vitest';
import { postgresBackend } from './backends.ts';

const backend = postgresBackend();
afterAll(() => backend.stop());

describe('PostgreSQL storage', () => {
  it('compresses stored payloads and evaluations with LZ4', async () => {
    const { db } = await backend.open();
    const rows = await db.query<{ relname: string; attname: string; attcompression: string }>(
      `SELECT c.relname, a.attname, a.attcompression FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       WHERE (c.relname, a.attname) IN (('delivery_payloads', 'payload'), ('repo_evaluations', 'body'))
       ORDER BY c.relname`,
    );
    expect(rows).toEqual([
      { relname: 'delivery_payloads', attname: 'payload', attcompression: 'l' },
      { relname: 'repo_evaluations', attname: 'body', attcompression: 'l' },
    ]);
  });
});
