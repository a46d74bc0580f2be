import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { authorizeRequest } from '../../app/routes/index.ts';

function request({
  address,
  headers = { host: '127.0.0.1:3001' },
}: {
  address: string;
  headers?: Record<string, string>;
}) {
  return { headers, socket: { remoteAddress: address } } as unknown as Pick<IncomingMessage, 'headers' | 'socket'>;
}

describe('dashboard and API access', () => {
  it('with a token: only the exact bearer token passes, from anywhere', () => {
    const token = 's3cret-token';
    expect(
      authorizeRequest({
        request: request({ address: '10.1.2.3', headers: { authorization: 'Bearer s3cret-token' } }),
        token,
      }),
    ).toBeNull();
    expect(authorizeRequest({ request: request({ address: '127.0.0.1' }), token })?.status).toBe(401);
    for (const authorization of ['Bearer s3cret-toke', 'Bearer s3cret-token2', 'Basic s3cret-token', 's3cret-token']) {
      expect(
        authorizeRequest({ request: request({ address: '127.0.0.1', headers: { authorization } }), token })?.status,
      ).toBe(401);
    }
  });

  it('without a token: loopback clients only, and not through a proxy', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(authorizeRequest({ request: request({ address }), token: null })).toBeNull();
    }
    const remote = authorizeRequest({ request: request({ address: '192.168.1.9' }), token: null });
    expect(remote?.status).toBe(403);
    expect(remote?.message).toMatch(/SHIPWELL_DASHBOARD_TOKEN/);
    const proxied = request({ address: '127.0.0.1', headers: { host: 'localhost', 'x-forwarded-for': '203.0.113.7' } });
    expect(authorizeRequest({ request: proxied, token: null })?.status).toBe(403);
  });

  it('without a token: a loopback Host only (DNS rebinding sends the attacker’s name)', () => {
    for (const host of ['localhost', 'localhost:3001', '127.0.0.1:3001', '[::1]:3001', 'LOCALHOST']) {
      expect(
        authorizeRequest({ request: request({ address: '127.0.0.1', headers: { host } }), token: null }),
      ).toBeNull();
    }
    for (const host of ['evil.example', 'evil.example:3001', 'localhost.evil.example', '127.0.0.1.nip.io', '']) {
      expect(
        authorizeRequest({ request: request({ address: '127.0.0.1', headers: { host } }), token: null })?.status,
        host,
      ).toBe(403);
    }
  });
});
