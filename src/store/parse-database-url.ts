/**
 * Where the store lives, from `DATABASE_URL`. SQLite's `synchronous`: `normal`
 * (default) makes a commit durable against a crash of the process (WAL
 * written before the answer) but a power loss may drop the last commits;
 * `full` syncs the disk on every commit (durable against power loss, several
 * times slower on most disks).
 */
export type DatabaseLocation =
  | { kind: 'sqlite'; path: string; synchronous: 'normal' | 'full' }
  | { kind: 'postgres'; url: string };

/**
 * `sqlite:PATH[?synchronous=normal|full]` (also `sqlite://PATH`, `file:PATH`,
 * `sqlite::memory:`) or `postgres://…` / `postgresql://…`. Throws naming the
 * variable, what is accepted and what was found (credentials masked).
 */
export function parseDatabaseUrl({
  url,
  variable = 'DATABASE_URL',
}: {
  url: string;
  variable?: string;
}): DatabaseLocation {
  const text = url.trim();
  if (/^postgres(ql)?:\/\//i.test(text)) return { kind: 'postgres', url: text };
  const sqlite = /^(?:sqlite:(?:\/\/)?|file:)([^?]+)(?:\?synchronous=(normal|full))?$/i.exec(text);
  if (sqlite?.[1]) {
    const synchronous = (sqlite[2]?.toLowerCase() ?? 'normal') as 'normal' | 'full';
    return { kind: 'sqlite', path: sqlite[1], synchronous };
  }
  const shown = text.replace(/\/\/[^@/]*@/, '//***@');
  throw new Error(
    `${variable}: expected sqlite:PATH[?synchronous=full] (e.g. sqlite:./shipwell.db) or postgres://USER@HOST:PORT/DB, found ${JSON.stringify(shown)}`,
  );
}
