// The App's logs as `npm start` writes them with LOG_FORMAT=json: one JSON
// object a line without a key twice, Probot's lines and ours each named
// once, an access log of the App's own routes, and the process's metrics on
// /metrics beside the KPI series (docs/app.md, "Logs").
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOpenMetrics } from '../metrics/parse-openmetrics.ts';
import { findDuplicateKeys } from '../support/find-duplicate-keys.ts';
import { TOKEN, waitFor } from './app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from './fake-github.ts';
import { startChild, stopChild } from './start-child.ts';

let github: FakeGitHub;
let dir: string;
let child: ChildProcess;
let port: number;
let output: () => string;

beforeAll(async () => {
  github = await startFakeGitHub();
  dir = mkdtempSync(join(tmpdir(), 'shipwell-logs-'));
  ({ child, port, output } = await startChild({
    github,
    databaseUrl: `sqlite:${join(dir, 'app.db')}`,
    env: { LOG_LEVEL: 'debug', SHIPWELL_DASHBOARD_TOKEN: TOKEN },
  }));
});
afterAll(async () => {
  if (child) await stopChild(child);
  await github?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, token: string | null = TOKEN) =>
  fetch(`http://127.0.0.1:${port}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

function lines(): Record<string, unknown>[] {
  return output()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the App with LOG_FORMAT=json', () => {
  it('serves the process metrics beside the KPI series on /metrics', async () => {
    const response = await get('/metrics');
    expect(response.status).toBe(200);
    const text = await response.text();
    const families = parseOpenMetrics(text);
    const names = new Set(families.map((family) => family.name));
    for (const name of [
      'shipwell_app_queue_depth',
      'process_cpu_seconds',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(names, name).toContain(name);
    }
    expect(text.match(/^# EOF$/gm)).toHaveLength(1);
  });

  it('logs every request to its own routes, never the token', async () => {
    // an App that has heard of no org: acme is unknown, a 404 (logged like any answer)
    expect((await get('/shipwell/api/report?org=acme')).status).toBe(404);
    expect((await get('/shipwell/api/report?org=acme', 'wrong-token')).status).toBe(401);
    expect((await get('/healthz', null)).status).toBe(200);
    const access = await waitFor('the access log of the 401 and /healthz', () => {
      const found = lines().filter((line) => typeof line.req === 'object');
      const logged = (url: string, status: number) =>
        found.some(
          (line) =>
            (line.req as { url: string }).url === url && (line.res as { statusCode: number }).statusCode === status,
        );
      return logged('/shipwell/api/report?org=acme', 401) && logged('/healthz', 200) && found;
    });
    expect(access).toContainEqual(
      expect.objectContaining({
        level: 30,
        name: 'shipwell',
        msg: expect.stringMatching(/^GET \/shipwell\/api\/report\?org=acme 404 [\d.]+ ms$/),
        req: { method: 'GET', url: '/shipwell/api/report?org=acme', remoteAddress: '127.0.0.1' },
        res: { statusCode: 404 },
        responseTime: expect.any(Number),
      }),
    );
    expect(access).toContainEqual(expect.objectContaining({ level: 30, res: { statusCode: 401 } }));
    // health checks and scrapes are debug lines
    expect(access).toContainEqual(
      expect.objectContaining({ level: 20, req: expect.objectContaining({ url: '/healthz' }) }),
    );
    expect(access).toContainEqual(
      expect.objectContaining({ level: 20, req: expect.objectContaining({ url: '/metrics' }) }),
    );
    expect(output()).not.toContain(TOKEN);
    expect(output()).not.toContain('wrong-token');
  });

  it('writes each line as one JSON object naming Probot or Shipwell once', async () => {
    // Probot's own lines: its GitHub client logs the redelivery scan's requests at debug (probot/octokit)
    await waitFor('a line of Probot', () => lines().some((line) => String(line.name).startsWith('probot/')));
    const raw = output()
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(raw.length).toBeGreaterThan(3);
    for (const line of raw) expect(findDuplicateKeys(line), line).toEqual([]);
    for (const line of lines()) expect(line.name).toMatch(/^(shipwell|probot(\/[a-z]+)*)$/);
  });
});

describe('findDuplicateKeys', () => {
  it('names a key an object holds twice, at any depth', () => {
    expect(findDuplicateKeys('{"name":"probot","name":"shipwell","a":{"b":1,"b":[{"c":"\\"}","c":2}]}}')).toEqual([
      'name',
      'a.b',
      'a.b.c',
    ]);
    expect(findDuplicateKeys('{"name":"probot","req":{"name":"x"}}')).toEqual([]);
  });
});
