/** Where the store lives, from `DATABASE_URL`. */
export type DatabaseLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * `sqlite:PATH` (also `sqlite://PATH`, `file:PATH`, `sqlite::memory:`) or
 * `postgres://…` / `postgresql://…`. Throws naming the variable, what is
 * accepted and what was found (credentials masked).
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
  const sqlite = /^(?:sqlite:(?:\/\/)?|file:)(.+)$/i.exec(text);
  if (sqlite?.[1]) return { kind: 'sqlite', path: sqlite[1] };
  const shown = text.replace(/\/\/[^@/]*@/, '//***@');
  throw new Error(
    `${variable}: expected sqlite:PATH (e.g. sqlite:./shipwell.db) or postgres://USER@HOST:PORT/DB, found ${JSON.stringify(shown)}`,
  );
}
