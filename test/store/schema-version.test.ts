// A downgrade: the database was migrated by a newer Shipwell. The store
// refuses it before writing anything, and the App does not start
// (docs/operations.md, "Rollbacks"), on SQLite and PostgreSQL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  MIGRATIONS,
  openPostgres,
  openSqlite,
  SchemaTooNewError,
  type SqlDatabase,
} from '../../src/store/index.ts';
import { privateKey } from '../app/app-harness.ts';
import { usePostgres } from '../support/postgres.ts';

const NEWEST = Math.max(...MIGRATIONS.map((m) => m.version));
const FUTURE = NEWEST + 3;
const dir = mkdtempSync(join(tmpdir(), 'shipwell-schema-'));
const opened: SqlDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await db.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** A database a newer Shipwell migrated: every migration here, plus one from the future. */
async function migratedByNewer(db: SqlDatabase): Promise<void> {
  opened.push(db);
  await applyMigrations({ db, now: 0 });
  await db.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
    FUTURE,
    'from a newer Shipwell',
    1,
  ]);
}

async function sqliteUrl(): Promise<string> {
  const path = join(dir, `newer-${opened.length}.db`);
  await migratedByNewer(openSqlite({ database: new DatabaseSync(path) }));
  return `sqlite:${path}`;
}

let databases = 0;
async function postgresUrl(): Promise<string> {
  const server = await usePostgres();
  const admin = new pg.Pool({ connectionString: server.url, max: 1 });
  const name = `schema_${process.pid}_${++databases}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = server.url.replace(/\/[^/]*$/, `/${name}`);
  await migratedByNewer(openPostgres({ pool: new pg.Pool({ connectionString: url, max: 2 }) }));
  return url;
}

function dbOf(url: string): SqlDatabase {
  const db = url.startsWith('sqlite:')
    ? openSqlite({ database: new DatabaseSync(url.slice('sqlite:'.length)) })
    : openPostgres({ pool: new pg.Pool({ connectionString: url, max: 2 }) });
  opened.push(db);
  return db;
}

describe.each([
  ['SQLite', sqliteUrl],
  ['PostgreSQL', postgresUrl],
])('a schema newer than this Shipwell on %s', (_name, makeUrl) => {
  it('is refused by applyMigrations, which changes nothing', async () => {
    const db = dbOf(await makeUrl());
    const before = await db.query('SELECT version, name FROM schema_migrations ORDER BY version');
    const error = await applyMigrations({ db, now: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaTooNewError);
    expect(error).toMatchObject({ found: FUTURE, known: NEWEST });
    expect((error as Error).message).toBe(
      `the database's schema is at version ${FUTURE}, newer than this Shipwell knows (${NEWEST}): a newer Shipwell migrated it. ` +
        'Run that version (or newer), or restore the backup taken before the upgrade (docs/operations.md, "Rollbacks"); nothing was changed',
    );
    expect(await db.query('SELECT version, name FROM schema_migrations ORDER BY version')).toEqual(before);
  });

  it('stops the App at start with one line and exit 1', async () => {
    const url = await makeUrl();
    const r = spawnSync(process.execPath, ['app/index.ts'], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        APP_ID: '1',
        PRIVATE_KEY: privateKey(),
        WEBHOOK_SECRET: 'secret',
        DATABASE_URL: url,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'fatal',
      },
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `shipwell app: the database's schema is at version ${FUTURE}, newer than this Shipwell knows (${NEWEST}): a newer Shipwell migrated it. Run that version (or newer), or restore the backup taken before the upgrade (docs/operations.md, "Rollbacks"); nothing was changed\n`,
    );
  });
});
