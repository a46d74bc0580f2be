// The two databases every store test runs against: SQLite in memory and a
// real PostgreSQL (a private server from test/support/postgres.ts, a fresh
// database per test so tests stay independent).
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import {
  applyMigrations,
  createStore,
  openPostgres,
  openSqlite,
  type SqlDatabase,
  type Store,
} from '../../src/store/index.ts';
import { type PostgresServer, usePostgres } from '../support/postgres.ts';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A migrated, empty store, and a second handle on the same database (another replica). */
  open(): Promise<{ store: Store; db: SqlDatabase; replica: () => Promise<Store> }>;
  stop(): Promise<void>;
}

let databases = 0;

export function sqliteBackend(): Backend {
  return {
    name: 'sqlite',
    async open() {
      const db = openSqlite({ database: new DatabaseSync(':memory:') });
      await applyMigrations({ db, now: 0 });
      const store = createStore({ db });
      return { store, db, replica: async () => createStore({ db }) };
    },
    stop: async () => undefined,
  };
}

export function postgresBackend(): Backend {
  let server: PostgresServer | null = null;
  const pools: pg.Pool[] = [];
  return {
    name: 'postgres',
    async open() {
      server ??= await usePostgres();
      const admin = new pg.Pool({ connectionString: server.url, max: 1 });
      const name = `store_${process.pid}_${++databases}`;
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = server.url.replace(/\/[^/]*$/, `/${name}`);
      const connect = () => {
        const pool = new pg.Pool({ connectionString: url, max: 4 });
        pools.push(pool);
        return openPostgres({ pool });
      };
      const db = connect();
      await applyMigrations({ db, now: 0 });
      return { store: createStore({ db }), db, replica: async () => createStore({ db: connect() }) };
    },
    async stop() {
      await Promise.all(pools.splice(0).map((pool) => pool.end().catch(() => undefined)));
      await server?.stop();
    },
  };
}
