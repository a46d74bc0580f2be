import { z } from 'zod';
import { LinearPatternError, parsePattern } from './parse-pattern.ts';

/**
 * A pattern as written in config (`/hotfix/i` or an exact name), read as a
 * TextPattern; a regex RE2 cannot match in linear time is a config error.
 */
export const patternSchema = z
  .string({ error: 'a name, or a /regular expression/ with optional flags' })
  .min(1)
  .transform((text, ctx) => {
    try {
      return parsePattern(text);
    } catch (error) {
      const message =
        error instanceof LinearPatternError
          ? `a regular expression that can be matched in linear time, without backreferences or lookaround (${error.message})`
          : `a valid regular expression (${error instanceof Error ? error.message.replace(/^.*: /s, '') : String(error)})`;
      ctx.issues.push({ code: 'custom', message, input: text });
      return z.NEVER;
    }
  });
