import { z } from 'zod';

/** A segment name a user defines: any text but `all`, the report's aggregate of every segment. */
export const segmentNameSchema = z
  .string({ error: 'a segment name other than "all" (all is every segment together)' })
  .regex(/^(?!all$).+$/s);
