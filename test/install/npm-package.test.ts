// What `npm publish` would ship (docs/releasing.md): prepack builds the CLI
// (a production install needs no TypeScript, so no `prepare`), the package
// holds the build, the launcher, the JSON Schema and the notices — no
// sources, tests or fixtures — and the built CLI answers --version.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  version: string;
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

describe('the npm package', () => {
  it('builds at pack time, not at install time', () => {
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.bin).toEqual({ shipwell: 'bin/shipwell.js' });
  });

  it('holds the built CLI, its launcher, the schema and the notices, and runs from them', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const [packed] = JSON.parse(out) as { files: { path: string }[] }[];
    const files = packed!.files.map((file) => file.path);
    for (const expected of [
      'bin/shipwell.js',
      'dist/cli/index.js',
      'dist/cli/main.js',
      'dist/network/use-env-proxy.js',
      'schema/shipwell.schema.json',
      'LICENSE',
      'CHANGELOG.md',
      'README.md',
      'package.json',
    ]) {
      expect(files, expected).toContain(expected);
    }
    expect(files.filter((file) => /^(src|cli|app|test|scripts|action)\//.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    const version = spawnSync(process.execPath, [`${ROOT}dist/cli/index.js`, '--version'], { encoding: 'utf8' });
    expect(version.stdout).toBe(`${pkg.version}\n`);
  }, 120_000);
});
