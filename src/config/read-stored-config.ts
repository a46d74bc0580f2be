import { z } from 'zod';
import type { ConfigReads } from './config-reads.ts';

const storedSchema = z.object({
  reads: z.array(
    z.object({
      name: z.string(),
      role: z.enum(['own', 'org', 'extends']),
      text: z.string().nullable(),
      refused: z.string().optional(),
    }),
  ),
  problem: z.object({ name: z.string(), key: z.enum(['_extends', '']), message: z.string() }).nullable(),
});

/**
 * The reads a load kept (LoadedConfig's `reads`, stored as JSON) ready to
 * resolve again. A value stored before reads were kept — the object Probot's
 * `context.config` returned, null for no file — becomes one file `name`
 * holding it as JSON (valid YAML), so it still resolves until it is read again.
 */
export function readStoredConfig({ value, name }: { value: unknown; name: string }): ConfigReads {
  const parsed = storedSchema.safeParse(value);
  if (parsed.success) {
    const reads = parsed.data.reads.map(({ refused, ...read }) =>
      refused === undefined ? read : { ...read, refused },
    );
    return { reads, problem: parsed.data.problem };
  }
  return {
    reads: [{ name, role: 'own', text: value === null || value === undefined ? null : JSON.stringify(value, null, 2) }],
    problem: null,
  };
}
