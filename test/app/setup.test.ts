// `npm run setup`: Probot's manifest flow from app.yml against a local
// GitHub for the conversion endpoint; the .env it writes starts the App
// (docs/app.md, "Install the App").
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type SetupServer, startSetup } from '../../app/setup/start-setup.ts';
import { privateKey, waitFor } from './app-harness.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

let setup: SetupServer | null = null;
let github: Server | null = null;
let child: ChildProcess | null = null;
const dirs: string[] = [];
afterEach(async () => {
  // the App first: stopping, it finishes a request to GitHub in flight
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await setup?.stop();
  await new Promise<void>((resolve) => {
    if (!github) return resolve();
    github.close(() => resolve());
    github.closeAllConnections();
  });
  setup = null;
  github = null;
  child = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** GitHub's conversion endpoint, as GitHub Enterprise Server serves it under /api/v3. */
async function startConversions(): Promise<{ host: string; codes: string[] }> {
  const codes: string[] = [];
  github = createServer((request, response) => {
    const match = /^\/api\/v3\/app-manifests\/([^/]+)\/conversions$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) return response.writeHead(404).end('{"message":"Not Found"}');
    codes.push(decodeURIComponent(match[1]!));
    if (match[1] === 'expired') {
      return response
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"message":"Not Found","documentation_url":"https://docs.github.com"}');
    }
    response.writeHead(201, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 271828,
        slug: 'shipwell-acme',
        name: 'Shipwell (acme)',
        client_id: 'Iv1.abc',
        client_secret: 'client-secret',
        webhook_secret: 'generated-webhook-secret',
        pem: privateKey(),
        html_url: 'https://github.example/apps/shipwell-acme',
      }),
    );
  });
  await new Promise<void>((resolve) => github!.listen(0, '127.0.0.1', resolve));
  return { host: `127.0.0.1:${(github.address() as AddressInfo).port}`, codes };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipwell-setup-'));
  dirs.push(dir);
  return dir;
}

/** The setup server for GitHub played by `conversions`, writing `.env` in `dir`. */
async function startLocalSetup(dir: string, host: string, env: Record<string, string>): Promise<SetupServer> {
  return startSetup({
    env: { GHE_HOST: host, GHE_PROTOCOL: 'http', ...env },
    dotEnvPath: join(dir, '.env'),
    port: 0,
    host: '127.0.0.1',
  });
}

async function page(port: number): Promise<{ action: string; manifest: Record<string, unknown>; html: string }> {
  const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  const action = /<form action="([^"]+)" method="post">/.exec(html)![1]!.replace(/&amp;/g, '&');
  const value = /name="manifest" value="([^"]+)"/.exec(html)![1]!;
  const manifest = JSON.parse(
    value
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  ) as Record<string, unknown>;
  return { action, manifest, html };
}

describe('npm run setup', () => {
  it("posts app.yml's manifest to GitHub, trades the code for the App's credentials in .env, and the App starts with them", async () => {
    const conversions = await startConversions();
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'DATABASE_URL=sqlite:./kept.db\n');
    setup = await startLocalSetup(dir, conversions.host, { GH_ORG: 'acme' });
    const { action, manifest, html } = await page(setup.port);
    const state = new URL(action).searchParams.get('state')!;
    expect(action).toBe(`http://${conversions.host}/organizations/acme/settings/apps/new?state=${state}`);
    const appYml = parse(readFileSync(join(ROOT, 'app.yml'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: appYml.name,
      default_permissions: appYml.default_permissions,
      default_events: appYml.default_events,
      hook_attributes: { url: `http://127.0.0.1:${setup.port}/api/github/webhooks`, active: true },
      redirect_url: `http://127.0.0.1:${setup.port}/setup/done`,
    });
    // a loopback address GitHub cannot deliver to is pointed out
    expect(html).toContain('WEBHOOK_PROXY_URL');

    // GitHub sends the browser back after "Create GitHub App"; a forged answer is refused
    const forged = await fetch(`http://127.0.0.1:${setup.port}/setup/done?code=c0de&state=wrong`, {
      redirect: 'manual',
    });
    expect(forged.status).toBe(400);
    expect(conversions.codes).toEqual([]);
    const back = await fetch(`http://127.0.0.1:${setup.port}/setup/done?code=c0de&state=${state}`, {
      redirect: 'manual',
    });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('https://github.example/apps/shipwell-acme/installations/new');
    expect(conversions.codes).toEqual(['c0de']);
    expect(await setup.done).toEqual({
      appId: 271828,
      slug: 'shipwell-acme',
      installUrl: 'https://github.example/apps/shipwell-acme/installations/new',
    });

    const written = readFileSync(join(dir, '.env'), 'utf8');
    expect(statSync(join(dir, '.env')).mode & 0o777).toBe(0o600);
    expect(parseEnv(written)).toEqual({
      DATABASE_URL: 'sqlite:./kept.db',
      APP_ID: '271828',
      PRIVATE_KEY: privateKey(),
      WEBHOOK_SECRET: 'generated-webhook-secret',
      GHE_HOST: conversions.host,
      GHE_PROTOCOL: 'http',
    });
    expect(written).not.toContain('client-secret');

    // `npm start` in that directory reads .env and runs as the new App
    let output = '';
    child = spawn(process.execPath, [join(ROOT, 'app/index.ts')], {
      cwd: dir,
      // any free port for the loopback dashboard too: another App on this machine may hold 3001
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SHIPWELL_DASHBOARD_PORT: '0' },
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const port = Number((await waitFor('the App listening', () => /listening on port (\d+)/.exec(output), 30_000))[1]);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(statSync(join(dir, 'kept.db')).isFile()).toBe(true);
  }, 60_000);

  it('says what went wrong when GitHub refuses the code, and writes nothing', async () => {
    const conversions = await startConversions();
    const dir = tempDir();
    setup = await startLocalSetup(dir, conversions.host, { WEBHOOK_PROXY_URL: 'https://smee.io/abc' });
    const { action, manifest, html } = await page(setup.port);
    expect(action).toMatch(new RegExp(`^http://${conversions.host}/settings/apps/new\\?state=`));
    expect(manifest).toMatchObject({ hook_attributes: { url: 'https://smee.io/abc' } });
    expect(html).not.toContain('cannot deliver');
    const state = new URL(action).searchParams.get('state')!;
    const back = await fetch(`http://127.0.0.1:${setup.port}/setup/done?code=expired&state=${state}`);
    expect(back.status).toBe(502);
    expect(await back.text()).toBe('the App could not be registered: GitHub refused the code (404: Not Found)\n');
    expect(() => statSync(join(dir, '.env'))).toThrow();
  });

  it('is its own command: `npm run setup` serves the page and says where', async () => {
    const dir = tempDir();
    let output = '';
    child = spawn(process.execPath, [join(ROOT, 'app/setup.ts')], {
      cwd: dir,
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1' },
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const port = Number(
      (await waitFor('the setup address', () => /open http:\/\/localhost:(\d+) to register/.exec(output), 30_000))[1],
    );
    const answer = await fetch(`http://127.0.0.1:${port}/`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('action="https://github.com/settings/apps/new?state=');
  }, 60_000);
});
