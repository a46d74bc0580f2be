import type { Configs, SqlExecutor } from './types.ts';

/** Configs as last read from GitHub, per repository (`owner/name`) and per org (`owner`). */
export function createConfigs({ q }: { q: SqlExecutor }): Configs {
  return {
    async save({ scope, value, error, readAt }) {
      await q.query(
        `INSERT INTO configs (scope, value, error, read_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope) DO UPDATE SET value = excluded.value, error = excluded.error, read_at = excluded.read_at`,
        [scope, value === undefined ? null : JSON.stringify(value), error, readAt],
      );
    },

    async read({ scope }) {
      const rows = await q.query<{
        scope: string;
        value: string | null;
        error: string | null;
        read_at: number | string;
      }>('SELECT scope, value, error, read_at FROM configs WHERE scope = $1', [scope]);
      const row = rows[0];
      if (!row) return null;
      return {
        scope: row.scope,
        value: row.value === null ? null : (JSON.parse(row.value) as unknown),
        error: row.error,
        readAt: Number(row.read_at),
      };
    },

    async forget({ scopes }) {
      for (const scope of [...new Set(scopes)].sort()) {
        await q.query('UPDATE configs SET read_at = 0 WHERE scope = $1', [scope]);
      }
    },
  };
}
