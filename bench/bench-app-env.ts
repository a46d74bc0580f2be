import { generateKeyPairSync } from 'node:crypto';

/** The webhook secret the App benchmarks sign with. */
export const BENCH_SECRET = 'bench-secret';

/**
 * The environment of a benchmarked App or bare Probot: a throwaway App key,
 * BENCH_SECRET, and no real GitHub (API calls such as the start-up
 * redelivery scan fail fast on a closed port).
 */
export function benchAppEnv(): Record<string, string> {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    APP_ID: '1',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: BENCH_SECRET,
    GHE_HOST: '127.0.0.1:9',
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'fatal',
    // without a dashboard token the dashboard listens on its own loopback port: any free one
    SHIPWELL_DASHBOARD_PORT: '0',
  };
}
