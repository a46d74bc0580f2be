// Debian's Caddy on free loopback ports with its own internal CA (no ACME,
// no system trust store touched), for the reverse-proxy example. Where
// /usr/bin/caddy is missing it fails with one line naming the package:
// never a silent skip.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const CADDY_PATH = '/usr/bin/caddy';

export interface RunningCaddy {
  /** `https://localhost:PORT` */
  url: string;
  /** Caddy's local root certificate, to trust in requests. */
  ca: Buffer;
  output(): string;
  stop(): Promise<void>;
}

export function requireCaddy(): void {
  if (!existsSync(CADDY_PATH)) {
    throw new Error(
      `Caddy not found at ${CADDY_PATH}: install the Debian package "caddy" (apt-get install -y caddy; .ci/apt-packages lists it)`,
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs `site` (a Caddyfile without global options, e.g. deploy/Caddyfile) for the domain `localhost`. */
export async function startCaddy({
  dir,
  site,
  env,
}: {
  dir: string;
  site: string;
  env: Record<string, string>;
}): Promise<RunningCaddy> {
  requireCaddy();
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const config = join(dir, 'Caddyfile');
  writeFileSync(
    config,
    `{
	admin off
	local_certs
	skip_install_trust
	auto_https disable_redirects
	http_port ${httpPort}
	https_port ${httpsPort}
	storage file_system ${join(dir, 'storage')}
}
import ${site}
`,
  );
  let output = '';
  const child: ChildProcess = spawn(CADDY_PATH, ['run', '--config', config, '--adapter', 'caddyfile'], {
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      XDG_DATA_HOME: dir,
      XDG_CONFIG_HOME: dir,
      SHIPWELL_DOMAIN: 'localhost',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const root = join(dir, 'storage', 'pki', 'authorities', 'local', 'root.crt');
  const end = Date.now() + 30_000;
  while (
    !(existsSync(root) && /serving initial configuration|started background certificate maintenance/.test(output))
  ) {
    if (child.exitCode !== null) throw new Error(`caddy exited (${child.exitCode}):\n${output}`);
    if (Date.now() > end) throw new Error(`caddy did not start within 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `https://localhost:${httpsPort}`,
    ca: readFileSync(root),
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
