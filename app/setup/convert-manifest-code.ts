import { z } from 'zod';

const conversionSchema = z.looseObject({
  id: z.number().int(),
  slug: z.string().min(1),
  pem: z.string().min(1),
  webhook_secret: z.string().nullish(),
  client_id: z.string().nullish(),
  client_secret: z.string().nullish(),
  html_url: z.url(),
});

/** What GitHub answers for a created App (`POST /app-manifests/{code}/conversions`). */
export type ManifestConversion = z.infer<typeof conversionSchema>;

/**
 * Trades the code GitHub sent back after "Create GitHub App" for the new
 * App's id, private key and webhook secret (the code is valid for an hour,
 * once). Throws with GitHub's status and message when it refuses.
 */
export async function convertManifestCode({
  apiUrl,
  code,
  fetch = globalThis.fetch,
}: {
  apiUrl: string;
  code: string;
  fetch?: typeof globalThis.fetch;
}): Promise<ManifestConversion> {
  const response = await fetch(`${apiUrl}/app-manifests/${encodeURIComponent(code)}/conversions`, {
    method: 'POST',
    headers: {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'shipwell-setup',
    },
  });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new Error(`GitHub refused the code (${response.status}${typeof message === 'string' ? `: ${message}` : ''})`);
  }
  const parsed = conversionSchema.safeParse(body);
  if (!parsed.success) throw new Error(`GitHub's answer is not an App: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
