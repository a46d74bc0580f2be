// Bundles the Action into one committed ESM file, action/dist/index.js
// (`npm run bundle`). `--check` rebuilds in memory and fails when the
// committed file differs: CI runs it so a stale bundle never ships.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'action/dist/index.js');

const result = await build({
  // Relative to the checkout, so the bundle is byte-identical wherever it is built.
  absWorkingDir: root,
  entryPoints: ['action/index.ts'],
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  write: false,
  outfile,
  logLevel: 'warning',
  plugins: [
    {
      // @actions/core imports @actions/http-client (and with it undici, ~400 KB)
      // only for OIDC tokens, which Shipwell never asks for: a stub that says
      // so keeps the bundle small and its start fast. Proxies do not need it:
      // Node's own fetch goes through HTTPS_PROXY/HTTP_PROXY (network/useEnvProxy).
      name: 'no-oidc-http-client',
      setup(build) {
        build.onResolve({ filter: /^@actions\/http-client(\/|$)/ }, (args) => ({
          path: args.path,
          namespace: 'oidc-stub',
        }));
        build.onLoad({ filter: /.*/, namespace: 'oidc-stub' }, () => ({
          contents:
            "const unavailable = () => { throw new Error('OIDC tokens are not available in the Shipwell Action'); };\n" +
            'export class HttpClient { constructor() { unavailable(); } }\n' +
            'export class BearerCredentialHandler { constructor() { unavailable(); } }\n',
          loader: 'js',
        }));
      },
    },
  ],
  // CommonJS dependencies (@actions/http-client) require Node built-ins.
  banner: {
    js: "import { createRequire as __shipwellCreateRequire } from 'node:module'; const require = __shipwellCreateRequire(import.meta.url);",
  },
});
const bundle = result.outputFiles[0]!.text;

if (process.argv.includes('--check')) {
  const committed = await readFile(outfile, 'utf8').catch(() => null);
  if (committed !== bundle) {
    console.error(
      committed === null
        ? 'action/dist/index.js is missing: run `npm run bundle` and commit it'
        : 'action/dist/index.js is stale (differs from a fresh build): run `npm run bundle` and commit it',
    );
    process.exit(1);
  }
  console.log(`action/dist/index.js is up to date (${bundle.length} bytes)`);
} else {
  await mkdir(dirname(outfile), { recursive: true });
  await writeFile(outfile, bundle);
  console.log(`wrote action/dist/index.js (${bundle.length} bytes)`);
}
