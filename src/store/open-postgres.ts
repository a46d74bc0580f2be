import type { Pool } from 'pg';
import type { SqlDatabase, SqlValue } from './types.ts';

/**
 * The PostgreSQL side of the database port, over a `pg` pool the caller made
 * (from `DATABASE_URL`). Several replicas may share the database: claims use
 * `FOR UPDATE SKIP LOCKED`.
 */
export function openPostgres({ pool }: { pool: Pool }): SqlDatabase {
  // An idle client whose server went away (an outage, a restart) emits 'error'
  // on the pool; unhandled, that ends the process. The pool drops the client;
  // the next query connects again or fails where it was made (a delivery is
  // then answered 5xx and redelivered, work is retried).
  pool.on('error', () => undefined);
  return {
    dialect: 'postgres',
    query: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
      (await pool.query(sql, params as SqlValue[])).rows as Row[],
    transaction: async (work) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
            (await client.query(sql, params as SqlValue[])).rows as Row[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // a connection that cannot even roll back is broken: destroy it, never pool it again
        broken = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        throw error;
      } finally {
        client.release(broken);
      }
    },
    checkpoint: async () => undefined,
    close: () => pool.end(),
  };
}
