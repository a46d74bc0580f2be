import type { Actor } from './types.ts';

/** A bot is `type: Bot` or a login ending in `[bot]` (docs/kpis.md, "DevOps activities"). */
export function toActor(user: { login: string; type?: string | null | undefined }): Actor {
  return { login: user.login, isBot: user.type === 'Bot' || user.login.endsWith('[bot]') };
}
