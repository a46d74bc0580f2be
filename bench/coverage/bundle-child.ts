import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a benchmark child into one plain JavaScript file under
 * bench/out/coverage/, as Shipwell ships (the Action is an esbuild bundle, the
 * CLI compiled JavaScript): the child then pays no TypeScript stripping at
 * start-up, which a user never pays either.
 */
export async function bundleChild({ repo, entry }: { repo: string; entry: string }): Promise<string> {
  const dir = join(repo, 'bench/out/coverage/bundles');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, basename(entry).replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(repo, entry)],
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
