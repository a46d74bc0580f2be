import { z } from 'zod';
import { parsePattern } from './parse-pattern.ts';

/** A pattern as written in config (`/hotfix/i` or an exact name), read as a TextPattern. */
export const patternSchema = z
  .string({ error: 'a name, or a /regular expression/ with optional flags' })
  .min(1)
  .transform((text, ctx) => {
    try {
      return parsePattern(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^.*: /s, '') : String(error);
      ctx.issues.push({ code: 'custom', message: `a valid regular expression (${reason})`, input: text });
      return z.NEVER;
    }
  });
