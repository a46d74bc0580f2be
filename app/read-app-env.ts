import { z } from 'zod';
import { type DatabaseLocation, parseDatabaseUrl } from '../src/store/index.ts';

/** What the App reads from its environment beside Probot's own variables. */
export interface AppEnv {
  database: DatabaseLocation;
  /** Bearer token for the dashboard and API; null: loopback clients only. */
  dashboardToken: string | null;
  port: number;
  host: string | undefined;
}

const envSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).default('sqlite:./shipwell.db'),
  SHIPWELL_DASHBOARD_TOKEN: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : null)),
  PORT: z
    .string()
    .regex(/^\d+$/, 'expected a port number')
    .default('3000')
    .transform(Number)
    .refine((port) => port < 65_536, 'expected a port number below 65536'),
  HOST: z.string().optional(),
});

/**
 * Validates the App's variables (interfaces.md, "GitHub App"). Throws one
 * message naming every bad variable and what it expects; values are never
 * echoed (they may be secrets), except a masked DATABASE_URL.
 */
export function readAppEnv(env: Record<string, string | undefined>): AppEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment: ${problems.join('; ')}`);
  }
  const { DATABASE_URL, SHIPWELL_DASHBOARD_TOKEN, PORT, HOST } = parsed.data;
  return {
    database: parseDatabaseUrl({ url: DATABASE_URL }),
    dashboardToken: SHIPWELL_DASHBOARD_TOKEN,
    port: PORT,
    host: HOST && HOST.trim() !== '' ? HOST : undefined,
  };
}
