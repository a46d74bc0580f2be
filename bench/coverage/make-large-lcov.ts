import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Produces (once, cached under bench/out/) a large lcov report from a real
 * tool: c8 over a workload using zod and yaml, every file of those packages
 * included, then the report replicated under distinct file names until it
 * reaches `megabytes`.
 */
export async function makeLargeLcov({ repo, megabytes }: { repo: string; megabytes: number }): Promise<string> {
  const dir = join(repo, 'bench/out/coverage');
  const large = join(dir, `lcov-${megabytes}mb.info`);
  if (existsSync(large)) return large;
  mkdirSync(dir, { recursive: true });
  const seed = join(dir, 'c8');
  execFileSync(
    join(repo, 'node_modules/.bin/c8'),
    [
      '--all',
      '--src',
      'node_modules',
      '--include',
      'node_modules/zod/**/*.js',
      '--include',
      'node_modules/yaml/dist/**/*.js',
      '--exclude-node-modules=false',
      '--reporter=lcovonly',
      '--report-dir',
      seed,
      process.execPath,
      join(repo, 'bench/coverage/workload.ts'),
    ],
    { cwd: repo, stdio: 'ignore' },
  );
  const real = readFileSync(join(seed, 'lcov.info'), 'utf8');
  const out = createWriteStream(large);
  const target = megabytes * 1024 * 1024;
  for (let copy = 0, written = 0; written < target; copy++) {
    const text = real.replace(/^SF:/gm, `SF:copy${copy}/`);
    if (!out.write(text)) await once(out, 'drain');
    written += Buffer.byteLength(text);
  }
  out.end();
  await once(out, 'finish');
  if (statSync(large).size < target) throw new Error(`${large} is smaller than ${megabytes} MB`);
  return large;
}
