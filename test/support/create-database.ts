// A fresh database on the tests' private PostgreSQL server, for one test's App or store.
import pg from 'pg';
import type { PostgresServer } from './postgres.ts';

/** Creates database `name` on `server` and returns its URL. */
export async function createDatabase({ server, name }: { server: PostgresServer; name: string }): Promise<string> {
  const admin = new pg.Pool({ connectionString: server.url, max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return server.url.replace(/\/[^/]*$/, `/${name}`);
}
