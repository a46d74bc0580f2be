import type { Pool } from 'pg';
import type { SqlDatabase, SqlValue } from './types.ts';

/**
 * The PostgreSQL side of the database port, over a `pg` pool the caller made
 * (from `DATABASE_URL`). Several replicas may share the database: claims use
 * `FOR UPDATE SKIP LOCKED`.
 */
export function openPostgres({ pool }: { pool: Pool }): SqlDatabase {
  return {
    dialect: 'postgres',
    query: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
      (await pool.query(sql, params as SqlValue[])).rows as Row[],
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
            (await client.query(sql, params as SqlValue[])).rows as Row[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
