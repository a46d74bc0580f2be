import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildManifest } from './build-manifest.ts';
import { convertManifestCode } from './convert-manifest-code.ts';
import { renderSetupPage } from './render-setup-page.ts';
import { writeDotEnv } from './write-dot-env.ts';

/** The App GitHub created, as `npm run setup` reports it. */
export interface RegisteredApp {
  appId: number;
  slug: string;
  /** Where to install it: `<html_url>/installations/new`. */
  installUrl: string;
}

export interface SetupServer {
  port: number;
  /** Resolves once the App is created and `.env` written. */
  done: Promise<RegisteredApp>;
  stop(): Promise<void>;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

/** The address the browser used (behind a proxy: its forwarded one). */
function baseUrlOf(request: IncomingMessage): string {
  const first = (value: string | string[] | undefined) =>
    String(value ?? '')
      .split(',')[0]!
      .trim();
  const proto = first(request.headers['x-forwarded-proto']) || 'http';
  const host = first(request.headers['x-forwarded-host']) || first(request.headers.host) || 'localhost';
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}

/**
 * `npm run setup`: Probot's manifest flow, with app.yml (docs/app.md,
 * "Install the App"). `GET /` shows one button that posts the manifest to
 * GitHub (for the org `GH_ORG`, on `GHE_HOST` for GitHub Enterprise Server);
 * once "Create GitHub App" is clicked there, GitHub sends the browser back
 * to `/setup/done` with a code, traded for the App's id, private key and
 * webhook secret, which are written to `dotEnvPath` (with WEBHOOK_PROXY_URL
 * when set); the browser goes on to install the App. The state parameter
 * ties the answer to this server.
 */
export async function startSetup({
  env,
  dotEnvPath,
  port,
  host,
  fetch = globalThis.fetch,
}: {
  env: Record<string, string | undefined>;
  dotEnvPath: string;
  port: number;
  host?: string | undefined;
  fetch?: typeof globalThis.fetch;
}): Promise<SetupServer> {
  const state = randomBytes(16).toString('hex');
  const ghe = env.GHE_HOST?.trim();
  const protocol = env.GHE_PROTOCOL?.trim() || 'https';
  const webUrl = ghe ? `${protocol}://${ghe}` : 'https://github.com';
  const apiUrl = ghe ? `${protocol}://${ghe}/api/v3` : 'https://api.github.com';
  const org = env.GH_ORG?.trim();
  const proxyUrl = env.WEBHOOK_PROXY_URL?.trim() || undefined;
  const webhookPath = env.WEBHOOK_PATH?.trim() || '/api/github/webhooks';
  let finish: (app: RegisteredApp) => void = () => {};
  const done = new Promise<RegisteredApp>((resolve) => {
    finish = resolve;
  });

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const text = (status: number, body: string) =>
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${body}\n`);
    if (request.method !== 'GET') return text(405, 'method not allowed');
    if (url.pathname === '/') {
      const base = baseUrlOf(request);
      const webhookUrl = proxyUrl ?? `${base}${webhookPath}`;
      const local = LOOPBACK.test(new URL(base).host);
      const warning =
        proxyUrl === undefined && local
          ? `GitHub cannot deliver webhooks to ${webhookUrl} on this machine. For local development, set WEBHOOK_PROXY_URL to a channel from https://smee.io/new and run npm run setup again; on a server, open this page at its public address.`
          : null;
      const manifest = buildManifest({ webhookUrl, redirectUrl: `${base}/setup/done` });
      const action = `${webUrl}${org ? `/organizations/${encodeURIComponent(org)}` : ''}/settings/apps/new?state=${state}`;
      response
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${webUrl}`,
        })
        .end(renderSetupPage({ manifest, action, webhookUrl, warning }));
      return;
    }
    if (url.pathname === '/setup/done') {
      if (url.searchParams.get('state') !== state) {
        return text(400, 'state: this answer is not for this setup (start again from the first page)');
      }
      const code = url.searchParams.get('code');
      if (!code) return text(400, 'code: missing (start again from the first page)');
      try {
        const app = await convertManifestCode({ apiUrl, code, fetch });
        if (!app.webhook_secret) throw new Error('GitHub created the App without a webhook secret');
        writeDotEnv({
          path: dotEnvPath,
          values: {
            APP_ID: String(app.id),
            PRIVATE_KEY: app.pem,
            WEBHOOK_SECRET: app.webhook_secret,
            ...(ghe ? { GHE_HOST: ghe, GHE_PROTOCOL: protocol } : {}),
            ...(proxyUrl ? { WEBHOOK_PROXY_URL: proxyUrl } : {}),
          },
        });
        const installUrl = `${app.html_url}/installations/new`;
        response.writeHead(302, { location: installUrl, 'content-type': 'text/plain' }).end(`${installUrl}\n`);
        finish({ appId: app.id, slug: app.slug, installUrl });
      } catch (error) {
        text(502, `the App could not be registered: ${(error as Error).message}`);
      }
      return;
    }
    text(404, 'not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    done,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
