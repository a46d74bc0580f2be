export { applyMigrations } from './apply-migrations.ts';
export {
  copyLanded,
  LANDING_LOG_BYTES,
  type LandedRow,
  landingPathOf,
  prepareLanding,
  snapshotLanded,
} from './create-landing.ts';
export { createStore } from './create-store.ts';
export { factKey } from './fact-key.ts';
export { MIGRATIONS } from './migrations.ts';
export { openPostgres } from './open-postgres.ts';
export { openSqlite } from './open-sqlite.ts';
export { nameOf, orgOf } from './org-of.ts';
export { type DatabaseLocation, parseDatabaseUrl } from './parse-database-url.ts';
export { SchemaTooNewError } from './schema-too-new-error.ts';
export type * from './types.ts';
