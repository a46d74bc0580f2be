import type { Logger } from 'probot';

/**
 * Local development (docs/app.md, "Local development"): with
 * `WEBHOOK_PROXY_URL` set to a smee.io channel, deliveries GitHub sent to the
 * channel are forwarded to this App's webhook path, headers and signature
 * unchanged (Probot's habit). smee-client is a development dependency: a
 * production install without it fails with a line saying so. Null when
 * the variable is not set.
 */
export async function startWebhookProxy({
  url,
  target,
  log,
}: {
  url: string | undefined;
  target: string;
  log: Logger;
}): Promise<{ stop(): Promise<void> } | null> {
  if (url === undefined || url.trim() === '') return null;
  let SmeeClient: typeof import('smee-client').SmeeClient;
  try {
    ({ SmeeClient } = await import('smee-client'));
  } catch {
    throw new Error(
      'WEBHOOK_PROXY_URL is set, for local development, but smee-client is not installed: install the development dependencies (npm ci), or unset it in production',
    );
  }
  const client = new SmeeClient({
    source: url.trim(),
    target,
    logger: {
      info: (message: string) => log.debug(`webhook proxy: ${message}`),
      error: (...parts: unknown[]) => log.error(`webhook proxy: ${parts.map(String).join(' ')}`),
    },
    maxConnectionTimeout: 30_000,
  });
  try {
    await client.start();
  } catch (error) {
    throw new Error(`WEBHOOK_PROXY_URL: cannot connect to the channel (${(error as Error).message})`);
  }
  log.info(`forwarding deliveries from the webhook proxy channel to ${target}`);
  return { stop: () => client.stop() };
}
