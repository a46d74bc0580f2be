// compose.yaml (docs/operations.md, "Replicas with Docker Compose") cannot
// run here (no Docker daemon): its wiring is checked instead — the image
// built from the Dockerfile, replicas on PostgreSQL once it is healthy, and
// Caddy given every variable deploy/Caddyfile reads. The Caddyfile itself
// runs for real in reverse-proxy.test.ts, the image's steps in
// test/install/production-install.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = new URL('../../', import.meta.url).pathname;
interface Service {
  image?: string;
  build?: string;
  environment: Record<string, string>;
  env_file?: string;
  deploy?: { replicas: number };
  depends_on?: unknown;
  stop_grace_period?: string;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
}
const compose = parse(readFileSync(`${ROOT}compose.yaml`, 'utf8')) as {
  services: Record<'postgres' | 'shipwell' | 'caddy', Service>;
  volumes: Record<string, unknown>;
};

describe('compose.yaml', () => {
  const { postgres, shipwell, caddy } = compose.services;

  it('runs several replicas of the image built here on PostgreSQL, once it is healthy', () => {
    expect(shipwell.build).toBe('.');
    expect(existsSync(`${ROOT}Dockerfile`)).toBe(true);
    expect(shipwell.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(shipwell.environment.DATABASE_URL).toBe(`postgres://shipwell:\${POSTGRES_PASSWORD}@postgres:5432/shipwell`);
    expect(shipwell.environment.SHIPWELL_PUBLIC_URL).toBe(`https://\${SHIPWELL_DOMAIN}`);
    expect(shipwell.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(shipwell.env_file).toBe('.env');
    expect(shipwell.stop_grace_period).toBe('30s');
    expect(postgres.image).toMatch(/^postgres:\d+/);
    expect(postgres.environment).toMatchObject({ POSTGRES_USER: 'shipwell', POSTGRES_DB: 'shipwell' });
    expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready -U shipwell -d shipwell');
    expect(postgres.volumes).toEqual(['postgres:/var/lib/postgresql/data']);
  });

  it('gives Caddy the example Caddyfile and every variable it reads', () => {
    expect(caddy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    const caddyfile = readFileSync(`${ROOT}deploy/Caddyfile`, 'utf8');
    const read = [...caddyfile.matchAll(/\{\$([A-Z_]+)(:[^}]*)?\}/g)]
      .filter((match) => match[2] === undefined)
      .map((match) => match[1]!);
    expect(read.length).toBeGreaterThan(0);
    for (const name of read) expect(Object.keys(caddy.environment), name).toContain(name);
    expect(caddy.environment.SHIPWELL_UPSTREAM).toBe('shipwell');
    expect(caddy.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
    for (const volume of ['postgres', 'caddy-data', 'caddy-config']) expect(compose.volumes).toHaveProperty(volume);
  });
});
