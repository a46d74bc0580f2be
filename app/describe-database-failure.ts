import type { DatabaseLocation } from '../src/store/index.ts';

/** What an error of node, pg or SQLite means for someone starting the App. */
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'no answer (timed out)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  '28P01': 'password authentication failed',
  '28000': 'authentication refused',
  '3D000': 'the database does not exist',
  '42501': 'permission denied',
};

/** `postgres://user:***@host:5432/db`: the location a message may show (never a password). */
function maskDatabaseUrl(database: DatabaseLocation): string {
  if (database.kind === 'sqlite') return `sqlite:${database.path}`;
  return database.url.replace(/^(\w+:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}

/**
 * A start-up failure to open the database as one sentence (docs/app.md,
 * "Run it"): "cannot reach the database at postgres://app:***@db:5432/shipwell:
 * connection refused" instead of a bare ECONNREFUSED; the password masked.
 */
export function describeDatabaseFailure({ database, error }: { database: DatabaseLocation; error: unknown }): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const nested = (error as { errors?: { code?: unknown }[] } | null)?.errors?.[0]?.code; // AggregateError (IPv4 + IPv6)
  const known = REASONS[String(code ?? nested ?? '')];
  const text = typeof message === 'string' && message !== '' ? message : String(error);
  const reason = known ?? (/timeout/i.test(text) ? 'no answer (timed out)' : text.split('\n')[0]!);
  const verb = database.kind === 'sqlite' ? 'cannot open' : 'cannot reach';
  return `${verb} the database at ${maskDatabaseUrl(database)}: ${reason}`;
}
