// `node scripts/check-release.ts v1.2.0`: can this tag be released
// (docs/releasing.md)? Prints `version=…`, `major=…` and `prerelease=…`
// lines (the release workflow appends them to $GITHUB_OUTPUT), or every
// problem on stderr and exits 1.
import { readFileSync } from 'node:fs';
import { checkRelease } from './release/check-release.ts';

const root = new URL('../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');
const tag = process.argv[2] ?? '';
const result = checkRelease({
  tag,
  packageJson: read('package.json'),
  packageLock: read('package-lock.json'),
  changelog: read('CHANGELOG.md'),
  schema: read('schema/shipwell.schema.json'),
});
if (!result.ok) {
  for (const problem of result.problems) console.error(`release ${tag}: ${problem}`);
  process.exit(1);
}
const { version, major, prerelease } = result.release;
console.log(`version=${version}\nmajor=${major}\nprerelease=${prerelease}`);
