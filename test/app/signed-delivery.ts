// Sends a webhook delivery the way GitHub does: JSON body, X-GitHub-Event,
// X-GitHub-Delivery, and X-Hub-Signature-256 = sha256 HMAC of the body with
// the webhook secret.
import { createHmac, generateKeyPairSync } from 'node:crypto';

/** `sha256=` and the HMAC of the body's exact bytes (a string is its UTF-8 bytes). */
export function sign({ body, secret }: { body: string | Buffer; secret: string }): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Posts `body` exactly as given (any text), signed like GitHub signs it unless `signature` is given. */
export function sendSignedText({
  url,
  id,
  name,
  body,
  secret,
  signature,
}: {
  url: string;
  id: string;
  name: string;
  body: string;
  secret: string;
  /** Overrides the computed signature (to send a bad one). */
  signature?: string;
}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': name,
      'x-github-delivery': id,
      'x-hub-signature-256': signature ?? sign({ body, secret }),
      'user-agent': 'GitHub-Hookshot/test',
    },
    body,
  });
}

export function sendDelivery({
  payload,
  ...rest
}: {
  url: string;
  id: string;
  name: string;
  payload: unknown;
  secret: string;
  /** Overrides the computed signature (to send a bad one). */
  signature?: string;
}): Promise<Response> {
  return sendSignedText({ ...rest, body: JSON.stringify(payload) });
}

/** A throwaway RSA key for the App (never a real one). */
export function testPrivateKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return privateKey;
}
