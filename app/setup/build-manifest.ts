import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** app.yml at the repository's root: the App's name, permissions and events. */
const APP_YML = new URL('../../app.yml', import.meta.url);

/**
 * The manifest GitHub's "register an App from a manifest" flow takes: app.yml
 * (least permissions, the events the App reads) with the URLs of this
 * server: deliveries to `webhookUrl`, and back to `redirectUrl` with the code
 * to convert once the App is created.
 */
export function buildManifest({
  webhookUrl,
  redirectUrl,
}: {
  webhookUrl: string;
  redirectUrl: string;
}): Record<string, unknown> {
  const app = parse(readFileSync(APP_YML, 'utf8')) as Record<string, unknown>;
  const hook = (app.hook_attributes ?? {}) as Record<string, unknown>;
  return {
    ...app,
    hook_attributes: { ...hook, url: webhookUrl, active: true },
    redirect_url: redirectUrl,
  };
}
