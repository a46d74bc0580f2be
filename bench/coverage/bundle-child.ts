import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a benchmark child into plain JavaScript under
 * bench/out/coverage/bundles/NAME/, as Shipwell ships: compiled JavaScript
 * (the CLI's tsc output, the Action's esbuild bundle), so the child pays no
 * TypeScript stripping at start-up, which a user never pays either. Dynamic
 * imports stay lazy (split into chunks), as in the compiled CLI: reading lcov
 * loads neither the XML parser nor zod.
 */
export async function bundleChild({ repo, entry }: { repo: string; entry: string }): Promise<string> {
  const name = basename(entry).replace(/\.ts$/, '');
  const outdir = join(repo, 'bench/out/coverage/bundles', name);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(repo, entry)],
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    outdir,
    logLevel: 'warning',
  });
  return join(outdir, `${name}.js`);
}
