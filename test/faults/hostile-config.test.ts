// A config file written by anyone who can push must never stall the process
// that reads it (issue #12): the real `shipwell kpis` binary, given a
// pathological but valid config, answers within a few seconds (a
// backtracking engine took 15-17 s on each case), and a history too large to
// compute is a config error (exit 2), not a crash.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWebhook } from '../events/load-webhook.ts';

const dir = mkdtempSync(join(tmpdir(), 'shipwell-hostile-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI; kills it after `limit` ms (then `code` is null). */
function runKpis({ config, deliveries, limit }: { config: string; deliveries: unknown[]; limit: number }) {
  const configFile = join(dir, `config-${Math.random().toString(36).slice(2)}.yml`);
  const deliveriesFile = `${configFile}.jsonl`;
  writeFileSync(configFile, config);
  writeFileSync(deliveriesFile, deliveries.map((d) => JSON.stringify(d)).join('\n'));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [
      'cli/index.ts',
      'kpis',
      '--deliveries',
      deliveriesFile,
      '--config',
      configFile,
      '--now',
      '2026-03-20T00:00:00Z',
    ]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), limit);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function release({ repo, tag, id }: { repo: string; tag: string; id: string }) {
  const [owner, name] = repo.split('/') as [string, string];
  return {
    id,
    name: 'release',
    payload: loadWebhook('release.published', {
      release: { tag_name: tag, name: tag, published_at: '2026-03-01T00:00:00Z', prerelease: false, draft: false },
      repository: { name, full_name: repo, owner: { login: owner } },
    }),
  };
}

describe('a pathological config against long names', () => {
  it('answers a nested-quantifier hotfixPattern against a 31-character release name', async () => {
    const deliveries = [
      release({ repo: 'acme/api', tag: 'v1.0.0', id: 'd1' }),
      release({ repo: 'acme/api', tag: `${'a'.repeat(31)}!`, id: 'd2' }),
    ];
    const run = await runKpis({
      config: 'devops:\n  hotfixPattern: "/^(a+)+$/"\nrollback:\n  workflows: ["/^(a|a)*$/"]\n',
      deliveries,
      limit: 8_000,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).releases).toHaveLength(2);
  });

  it('answers the glob *a*a*a*a*a*a*a*b against a 60-character repository name', async () => {
    const repo = `acme/${'a'.repeat(60)}`;
    const run = await runKpis({
      config: 'segments:\n  ios: ["*a*a*a*a*a*a*a*b"]\n',
      deliveries: [release({ repo, tag: 'v1.0.0', id: 'd1' })],
      limit: 8_000,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).releases.map((r: { segment: string }) => r.segment)).toEqual(['unsegmented']);
  });
});

describe('history', () => {
  it('of a million periods is a config error naming the bound (exit 2), not a crash', async () => {
    const run = await runKpis({
      config: 'history: 1000000\n',
      deliveries: [release({ repo: 'acme/api', tag: 'v1.0.0', id: 'd1' })],
      limit: 20_000,
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/:1: history: expected a whole number from 0 to 1000, found 1000000$/);
    expect(run.stdout).toBe('');
  });
});
