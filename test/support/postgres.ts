// A private PostgreSQL for tests, from Debian's binaries: a fresh cluster in
// a temp dir on a free loopback port, started as user postgres (initdb
// refuses root), trust auth, no fsync. ~1 s to start. Where the binaries are
// missing it fails with one line naming the package: never a silent skip.
//
// Use `startPostgres()` in a test file, or this module as a vitest
// `globalSetup` (its `setup` exports SHIPWELL_TEST_DATABASE_URL to the test
// workers, and `usePostgres()` then reuses that server).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  /** `postgres://app@127.0.0.1:PORT/postgres` */
  url: string;
  stop(): Promise<void>;
  /**
   * An outage: shuts the server down (fast: open connections are cut) and
   * keeps its data; `resume()` starts it again on the same port. Only on a
   * server this process started (`startPostgres`).
   */
  pause?(): Promise<void>;
  resume?(): Promise<void>;
}

const ENV_URL = 'SHIPWELL_TEST_DATABASE_URL';

function findBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install the Debian package `postgresql` (apt-get install -y postgresql)',
    );
  }
  return join(root, versions[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Runs a server binary, as user postgres when we are root. */
function runAsPostgres(binary: string, args: string[]): void {
  const asRoot = userInfo().uid === 0;
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${binary} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  }
}

/** Starts a fresh private PostgreSQL server; `stop()` shuts it down and removes its files. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'shipwell-pg-'));
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  runAsPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'app', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const start = () =>
    runAsPostgres(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
      '-w',
      'start',
    ]);
  start();
  let stopped = false;
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    async pause() {
      runAsPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    async resume() {
      start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The server a `globalSetup` started (SHIPWELL_TEST_DATABASE_URL), else a
 * new one for this test file; `stop()` only stops what it started.
 */
export async function usePostgres(): Promise<PostgresServer> {
  const url = process.env[ENV_URL];
  if (url) return { url, stop: async () => undefined };
  return startPostgres();
}

/** vitest `globalSetup`: one server for the whole run. */
export async function setup(): Promise<() => Promise<void>> {
  const server = await startPostgres();
  process.env[ENV_URL] = server.url;
  return () => server.stop();
}
