import type { Instant } from '../time/index.ts';
import { MIGRATIONS } from './migrations.ts';
import { SchemaTooNewError } from './schema-too-new-error.ts';
import type { SqlDatabase } from './types.ts';

/**
 * Brings the schema up to date in one transaction and returns the versions it
 * applied. Replicas starting together on PostgreSQL take an advisory lock, so
 * one applies and the others see the result; SQLite's write lock does the same.
 * A schema newer than the newest migration here (a downgrade) throws
 * SchemaTooNewError before anything is written.
 */
export async function applyMigrations({ db, now }: { db: SqlDatabase; now: Instant }): Promise<number[]> {
  return db.transaction(async (tx) => {
    if (db.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(5155535)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const rows = await tx.query<{ version: number | string }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const known = Math.max(...MIGRATIONS.map((migration) => migration.version));
    const found = Math.max(0, ...applied);
    if (found > known) throw new SchemaTooNewError({ found, known });
    const done: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) {
        await tx.query(typeof statement === 'string' ? statement : statement[db.dialect]);
      }
      if (db.dialect === 'postgres') for (const statement of migration.postgres ?? []) await tx.query(statement);
      await migration.run?.({ tx, dialect: db.dialect });
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        now,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
