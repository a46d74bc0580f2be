import { describe, expect, it } from 'vitest';
import { readAppEnv } from '../../app/read-app-env.ts';
import { retryDelay } from '../../app/retry-delay.ts';

describe('the App environment', () => {
  it('defaults to an SQLite file next to the process, port 3000, no token', () => {
    expect(readAppEnv({})).toEqual({
      database: { kind: 'sqlite', path: './shipwell.db', synchronous: 'normal' },
      dashboardToken: null,
      port: 3000,
      host: undefined,
      dashboardPort: 3001,
      githubUrl: 'https://github.com',
      publicUrl: null,
    });
  });

  it("links to GitHub Enterprise Server from Probot's GHE_HOST and GHE_PROTOCOL", () => {
    expect(readAppEnv({ GHE_HOST: 'github.example.com' }).githubUrl).toBe('https://github.example.com');
    expect(readAppEnv({ GHE_HOST: 'ghe.internal:8443', GHE_PROTOCOL: 'HTTP' }).githubUrl).toBe(
      'http://ghe.internal:8443',
    );
    expect(readAppEnv({ GHE_HOST: '', GHE_PROTOCOL: 'http' }).githubUrl).toBe('https://github.com');
    expect(() => readAppEnv({ GHE_HOST: 'https://github.example.com/' })).toThrow(
      'GHE_HOST: expected a host name with an optional port, without scheme or path (e.g. github.example.com), found "https://github.example.com/"',
    );
    expect(() => readAppEnv({ GHE_HOST: 'github.example.com', GHE_PROTOCOL: 'ftp' })).toThrow(
      'GHE_PROTOCOL: expected https or http, found "ftp"',
    );
  });

  it('reads SHIPWELL_PUBLIC_URL as an absolute http(s) URL, and refuses anything else in words', () => {
    expect(readAppEnv({}).publicUrl).toBeNull();
    expect(readAppEnv({ SHIPWELL_PUBLIC_URL: ' ' }).publicUrl).toBeNull();
    expect(readAppEnv({ SHIPWELL_PUBLIC_URL: 'https://shipwell.example.com/' }).publicUrl).toBe(
      'https://shipwell.example.com',
    );
    expect(readAppEnv({ SHIPWELL_PUBLIC_URL: 'http://10.0.0.5:3000/kpis/' }).publicUrl).toBe(
      'http://10.0.0.5:3000/kpis',
    );
    for (const bad of ['shipwell.example.com', '/shipwell', 'ftp://example.com', 'javascript:alert(1)']) {
      expect(() => readAppEnv({ SHIPWELL_PUBLIC_URL: bad })).toThrow(
        'SHIPWELL_PUBLIC_URL: expected an absolute http(s) URL where people reach the App, such as https://shipwell.example.com',
      );
    }
    expect(() => readAppEnv({ SHIPWELL_PUBLIC_URL: 'https://user:secret@example.com/?a=b' })).toThrow(
      'SHIPWELL_PUBLIC_URL: expected a URL without user, password, query or fragment',
    );
    expect(() => readAppEnv({ SHIPWELL_PUBLIC_URL: 'https://user:secret@example.com/' })).not.toThrow(/secret/);
  });

  it('reads SQLite paths with their sync level', () => {
    expect(readAppEnv({ DATABASE_URL: 'sqlite:/var/lib/shipwell.db?synchronous=full' }).database).toEqual({
      kind: 'sqlite',
      path: '/var/lib/shipwell.db',
      synchronous: 'full',
    });
    expect(readAppEnv({ DATABASE_URL: 'sqlite::memory:' }).database).toMatchObject({
      path: ':memory:',
      synchronous: 'normal',
    });
  });

  it('reads PostgreSQL URLs, the token and the port', () => {
    const env = readAppEnv({
      DATABASE_URL: 'postgres://app:pw@db:5432/shipwell',
      SHIPWELL_DASHBOARD_TOKEN: ' tok ',
      PORT: '8080',
    });
    expect(env).toMatchObject({
      database: { kind: 'postgres', url: 'postgres://app:pw@db:5432/shipwell' },
      dashboardToken: 'tok',
      port: 8080,
    });
  });

  it('names the variable, what it expects and what it found — with the password masked', () => {
    expect(() => readAppEnv({ DATABASE_URL: 'mysql://root:hunter2@db/x' })).toThrow(
      'DATABASE_URL: expected sqlite:PATH[?synchronous=full] (e.g. sqlite:./shipwell.db) or postgres://USER@HOST:PORT/DB, found "mysql://***@db/x"',
    );
    expect(() => readAppEnv({ DATABASE_URL: 'mysql://root:hunter2@db/x' })).not.toThrow(/hunter2/);
    expect(() => readAppEnv({ PORT: 'eighty' })).toThrow(/PORT: expected a port number/);
  });
});

describe('retry backoff', () => {
  it('doubles from 5 s up to an hour, within ±20 % jitter', () => {
    const low = (attempts: number) => retryDelay({ attempts, random: () => 0 });
    const high = (attempts: number) => retryDelay({ attempts, random: () => 1 });
    expect([1, 2, 3].map(low)).toEqual([4000, 8000, 16000]);
    expect(high(1)).toBe(6000);
    expect(low(30)).toBe(0.8 * 3_600_000);
    expect(high(30)).toBe(1.2 * 3_600_000);
  });
});
