// Probot's habits for local development (docs/app.md, "Local development"):
// a `.env` file is read, and WEBHOOK_PROXY_URL relays deliveries from a
// smee.io channel (here a local one speaking the same server-sent events).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDotEnv } from '../../app/load-dot-env.ts';
import { type RunningApp, startApp } from '../../app/start-app.ts';
import { loadWebhook } from '../events/load-webhook.ts';
import { appEnv, QuietOctokit, SECRET, TOKEN, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { sign } from './signed-delivery.ts';

const dirs: string[] = [];
let app: RunningApp | null = null;
let github: FakeGitHub | null = null;
afterEach(async () => {
  await app?.stop();
  await github?.close();
  app = null;
  github = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipwell-dev-'));
  dirs.push(dir);
  return dir;
};

describe('.env', () => {
  it('adds the variables of the file, unquoting a multi-line key; a variable already set wins', () => {
    const dir = tempDir();
    const path = join(dir, '.env');
    // as Probot's manifest flow writes it: the key on one line with \n escapes, in double quotes
    writeFileSync(
      path,
      'APP_ID=123\nPRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n-----END RSA PRIVATE KEY-----\\n"\nWEBHOOK_SECRET=from-file\n# a comment\n',
    );
    const env: Record<string, string | undefined> = { WEBHOOK_SECRET: 'from-env' };
    expect(loadDotEnv({ env, path })).toEqual(['APP_ID', 'PRIVATE_KEY']);
    expect(env).toEqual({
      APP_ID: '123',
      PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n',
      WEBHOOK_SECRET: 'from-env',
    });
  });

  it('is optional', () => {
    const env = {};
    expect(loadDotEnv({ env, path: join(tempDir(), '.env') })).toEqual([]);
    expect(env).toEqual({});
  });
});

/** A smee.io channel: clients listen with server-sent events; `send` relays a delivery as smee does. */
async function startChannel() {
  const listeners: ServerResponse[] = [];
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/shipwell-test') return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.write('event: ready\ndata: {}\n\n');
    listeners.push(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/shipwell-test`;
  return {
    url,
    listeners,
    send(message: Record<string, unknown>) {
      for (const listener of listeners) listener.write(`data: ${JSON.stringify(message)}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const listener of listeners) listener.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('WEBHOOK_PROXY_URL', () => {
  it('relays a signed delivery from the channel to the webhook path, where it is verified and stored', async () => {
    github = await startFakeGitHub();
    const channel = await startChannel();
    try {
      const dir = tempDir();
      app = await startApp({
        env: {
          ...appEnv({ github, databaseUrl: `sqlite:${join(dir, 'app.db')}`, token: TOKEN }),
          WEBHOOK_PROXY_URL: channel.url,
        },
        Octokit: QuietOctokit,
        timing: { pollInterval: 50, redeliveryInterval: 0 },
        worker: 'inline',
      });
      expect(channel.listeners).toHaveLength(1);
      const payload = { ...loadWebhook('release.published'), installation: { id: 42 } };
      const body = JSON.stringify(payload);
      channel.send({
        'x-github-event': 'release',
        'x-github-delivery': 'relayed-1',
        'x-hub-signature-256': sign({ body, secret: SECRET }),
        'content-type': 'application/json',
        body: payload,
        query: {},
        timestamp: 1,
      });
      // a forged one (wrong signature) is relayed too, and refused by the App
      channel.send({
        'x-github-event': 'release',
        'x-github-delivery': 'forged-1',
        'x-hub-signature-256': sign({ body, secret: 'not-the-secret' }),
        body: payload,
        query: {},
      });
      const listed = await waitFor('the relayed delivery stored', async () => {
        const response = await fetch(`http://127.0.0.1:${app!.port}/shipwell/api/deliveries`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        const text = await response.text();
        return text.includes('relayed-1') && text;
      });
      expect(listed).not.toContain('forged-1');
    } finally {
      await app?.stop();
      app = null;
      await channel.close();
    }
  });

  it('stops the start with a line saying why when the channel cannot be reached', async () => {
    github = await startFakeGitHub();
    const dir = tempDir();
    const error = await startApp({
      env: {
        ...appEnv({ github, databaseUrl: `sqlite:${join(dir, 'app.db')}` }),
        WEBHOOK_PROXY_URL: 'http://127.0.0.1:1/closed',
      },
      Octokit: QuietOctokit,
      timing: { pollInterval: 50, redeliveryInterval: 0 },
      worker: 'inline',
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^WEBHOOK_PROXY_URL: cannot connect to the channel/);
  });
});
