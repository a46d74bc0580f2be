// Backups as docs/operations.md ("Backups") gives them: `npm run backup`
// copies a running App's SQLite database with VACUUM INTO, and the copy
// restores; pg_dump and pg_restore carry a PostgreSQL database over.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../app/open-store.ts';
import { landingPathOf, MIGRATIONS } from '../../src/store/index.ts';
import { SECRET, startHarness, waitFor } from '../app/app-harness.ts';
import { startFakeGitHub } from '../app/fake-github.ts';
import { sendDelivery } from '../app/signed-delivery.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { countLanded, findDelivery } from '../store/find-delivery.ts';
import { usePostgres } from '../support/postgres.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const OPERATIONS = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'shipwell-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function backup(target: string, databaseUrl: string) {
  return spawnSync(process.execPath, [join(ROOT, 'app/backup.ts'), target], {
    cwd: dir,
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
}

describe('npm run backup (SQLite)', () => {
  it('copies the database of a running App, which goes on; the copy restores', async () => {
    expect(OPERATIONS).toContain('npm run backup -- ');
    const github = await startFakeGitHub();
    const file = join(dir, 'live.db');
    const databaseUrl = `sqlite:${file}`;
    let harness = await startHarness({ github, databaseUrl });
    try {
      const payload = loadWebhook('release.published', { installation: { id: 42 } });
      const send = (id: string) =>
        sendDelivery({ url: harness.webhookUrl, id, name: 'release', payload, secret: SECRET });
      expect((await send('before-backup')).status).toBe(200);

      const target = join(dir, 'copy.db');
      const run = backup(target, databaseUrl);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`shipwell backup: ${file} copied to ${target}\n`);
      // the App goes on
      expect((await send('after-backup')).status).toBe(200);
      // (a replay of the first, which changes nothing) once the worker has admitted it from the inbox file
      await waitFor('the inbox file empty', () => countLanded(file) === 0 || undefined);

      const copy = new DatabaseSync(target, { readOnly: true });
      expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      expect(copy.prepare('SELECT id FROM deliveries ORDER BY id').all()).toEqual([{ id: 'before-backup' }]);
      expect(copy.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
      copy.close();

      const again = backup(target, databaseUrl);
      expect(again.status).toBe(2);
      expect(again.stderr).toBe(`shipwell backup: ${target}: exists already; choose a new file\n`);

      // restore: stop, put the copy in place (no log of the old file), start
      await harness.app.stop();
      copyFileSync(target, file);
      rmSync(`${file}-wal`, { force: true });
      rmSync(`${file}-shm`, { force: true });
      harness = await startHarness({ github, databaseUrl });
      expect(await findDelivery(harness.app.store, 'before-backup')).toBeDefined();
      expect(await findDelivery(harness.app.store, 'after-backup')).toBeUndefined();
    } finally {
      await harness.app.stop();
      await github.close();
    }
  });

  it('copies what still waits in the inbox file into the copy, and leaves the inbox file as it was', async () => {
    const file = join(dir, 'landed.db');
    const store = await openStore({
      database: { kind: 'sqlite', path: file, synchronous: 'normal' },
      now: 0,
      landing: true,
    });
    const payload = JSON.stringify(loadWebhook('release.published', { installation: { id: 42 } }));
    for (const [k, id] of ['landed-1', 'landed-2'].entries()) {
      expect(
        await store.inbox.record({
          id,
          name: 'release',
          at: new Date(k).toISOString(),
          payloadText: payload,
          receivedAt: k,
        }),
      ).toBe(true);
    }
    // no worker admitted them: they wait in the inbox file, not in the database
    expect(await findDelivery(store, 'landed-1')).toBeUndefined();
    await store.close();

    const target = join(dir, 'landed-copy.db');
    const run = backup(target, `sqlite:${file}`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const copy = new DatabaseSync(target, { readOnly: true });
    // the first is stored; the second is the same payload under another id, a replay that changes nothing
    expect(copy.prepare('SELECT id FROM deliveries ORDER BY id').all()).toEqual([{ id: 'landed-1' }]);
    expect(copy.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'delete' });
    copy.close();
    const landing = new DatabaseSync(landingPathOf(file), { readOnly: true });
    expect(landing.prepare('SELECT id FROM landed ORDER BY seq').all()).toEqual([
      { id: 'landed-1' },
      { id: 'landed-2' },
    ]);
    landing.close();
  });

  it('says what to use for PostgreSQL, and what is missing', () => {
    const postgres = backup(join(dir, 'x.db'), 'postgres://app@127.0.0.1:5432/shipwell');
    expect(postgres.status).toBe(2);
    expect(postgres.stderr).toMatch(/^shipwell backup: DATABASE_URL is PostgreSQL: back it up with pg_dump/);
    const none = spawnSync(process.execPath, [join(ROOT, 'app/backup.ts')], { cwd: dir, encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^shipwell backup: expected one argument, the file to write/);
  });
});

describe('pg_dump and pg_restore (PostgreSQL)', () => {
  it('carry the database to another, which the App opens as it was', async () => {
    expect(OPERATIONS).toContain('pg_dump --format=custom --file=shipwell.dump "$DATABASE_URL"');
    expect(OPERATIONS).toContain('pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" shipwell.dump');
    const server = await usePostgres();
    const admin = new pg.Pool({ connectionString: server.url, max: 1 });
    const names = [`backup_from_${process.pid}`, `backup_to_${process.pid}`];
    for (const name of names) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const [from, to] = names.map((name) => server.url.replace(/\/[^/]*$/, `/${name}`)) as [string, string];
    const source = await openStore({ database: { kind: 'postgres', url: from }, now: 0 });
    const payload = loadWebhook('release.published', { installation: { id: 42 } });
    await source.inbox.record({
      id: 'kept-1',
      name: 'release',
      at: new Date(1).toISOString(),
      payloadText: JSON.stringify(payload),
      receivedAt: 1,
    });
    await source.close();

    const dump = join(dir, 'shipwell.dump');
    const shell = (command: string, url: string) =>
      spawnSync('sh', ['-c', command], { cwd: dir, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
    const dumped = shell('pg_dump --format=custom --file=shipwell.dump "$DATABASE_URL"', from);
    expect(dumped.stderr).toBe('');
    expect(dumped.status).toBe(0);
    const restored = shell('pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" shipwell.dump', to);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(readFileSync(dump).length).toBeGreaterThan(0);

    const target = await openStore({ database: { kind: 'postgres', url: to }, now: 0 });
    expect(await findDelivery(target, 'kept-1')).toMatchObject({ id: 'kept-1', name: 'release' });
    await target.close();
  });
});
