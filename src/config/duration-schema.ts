import { z } from 'zod';
import { DURATION_PATTERN, parseDuration } from './parse-duration.ts';

const EXPECTED = 'a duration: a positive number and a unit, like 7d, 12h, 30m, 45s or 2w';

/** A duration as written in config (`7d`), read as milliseconds. */
export const durationSchema = z
  .string({ error: EXPECTED })
  .regex(DURATION_PATTERN)
  .transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms !== null) return ms;
    ctx.issues.push({ code: 'custom', message: EXPECTED, input: text });
    return z.NEVER;
  });
