import { z } from 'zod';
import { type DatabaseLocation, parseDatabaseUrl } from '../src/store/index.ts';

/** What the App reads from its environment beside Probot's own variables. */
export interface AppEnv {
  database: DatabaseLocation;
  /** Bearer token for the dashboard and API; null: loopback clients only. */
  dashboardToken: string | null;
  port: number;
  host: string | undefined;
  /**
   * Without a token, the dashboard, API and /metrics listen on 127.0.0.1 at
   * this port only (SHIPWELL_DASHBOARD_PORT); the public port then serves
   * the webhook path and /healthz alone.
   */
  dashboardPort: number;
  /**
   * GitHub's web root for links (check runs on the dashboard): from Probot's
   * GHE_PROTOCOL and GHE_HOST for GitHub Enterprise Server, else https://github.com.
   */
  githubUrl: string;
  /**
   * Where people reach this App (SHIPWELL_PUBLIC_URL, no trailing slash):
   * check runs and release notes link the org's dashboard under it. null:
   * not known, no link.
   */
  publicUrl: string | null;
}

/** An absolute http(s) URL without user, password, query or fragment; its trailing slashes dropped. */
const publicUrlSchema = z
  .string()
  .optional()
  .transform((value, context) => {
    const text = value?.trim();
    if (!text) return null;
    const url = URL.parse(text);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      context.addIssue({
        code: 'custom',
        message: 'expected an absolute http(s) URL where people reach the App, such as https://shipwell.example.com',
      });
      return z.NEVER;
    }
    if (url.username || url.password || url.search || url.hash) {
      context.addIssue({ code: 'custom', message: 'expected a URL without user, password, query or fragment' });
      return z.NEVER;
    }
    return url.href.replace(/\/+$/, '');
  });

const HOST_PORT = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/;

/** A TCP port variable, `fallback` when unset. */
function portSchema(fallback: string) {
  return z
    .string()
    .regex(/^\d+$/, 'expected a port number')
    .default(fallback)
    .transform(Number)
    .refine((port) => port < 65_536, 'expected a port number below 65536');
}

const envSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).default('sqlite:./shipwell.db'),
  SHIPWELL_DASHBOARD_TOKEN: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : null)),
  PORT: portSchema('3000'),
  HOST: z.string().optional(),
  SHIPWELL_DASHBOARD_PORT: portSchema('3001'),
  GHE_HOST: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined))
    .refine(
      (value) => value === undefined || HOST_PORT.test(value),
      'expected a host name with an optional port, without scheme or path (e.g. github.example.com)',
    ),
  GHE_PROTOCOL: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim().toLowerCase() : 'https'))
    .refine((value) => value === 'https' || value === 'http', 'expected https or http'),
  SHIPWELL_PUBLIC_URL: publicUrlSchema,
});

/** What a variable held, for an error message: omitted for secrets. */
const SHOWN = new Set(['PORT', 'SHIPWELL_DASHBOARD_PORT', 'GHE_HOST', 'GHE_PROTOCOL']);

/**
 * Validates the App's variables (docs/app.md, "Run it"). Throws one
 * message naming every bad variable and what it expects; values are never
 * echoed (they may be secrets), except a masked DATABASE_URL and plain
 * settings (PORT, GHE_HOST, GHE_PROTOCOL).
 */
export function readAppEnv(env: Record<string, string | undefined>): AppEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const found = SHOWN.has(key) ? `, found ${JSON.stringify(env[key])}` : '';
      return `${key}: ${issue.message}${found}`;
    });
    throw new Error(`invalid environment: ${problems.join('; ')}`);
  }
  const {
    DATABASE_URL,
    SHIPWELL_DASHBOARD_TOKEN,
    PORT,
    HOST,
    SHIPWELL_DASHBOARD_PORT,
    GHE_HOST,
    GHE_PROTOCOL,
    SHIPWELL_PUBLIC_URL,
  } = parsed.data;
  return {
    database: parseDatabaseUrl({ url: DATABASE_URL }),
    dashboardToken: SHIPWELL_DASHBOARD_TOKEN,
    port: PORT,
    host: HOST && HOST.trim() !== '' ? HOST : undefined,
    dashboardPort: SHIPWELL_DASHBOARD_PORT,
    githubUrl: GHE_HOST === undefined ? 'https://github.com' : `${GHE_PROTOCOL}://${GHE_HOST}`,
    publicUrl: SHIPWELL_PUBLIC_URL,
  };
}
