// `node scripts/release-notes.ts 1.2.0`: the CHANGELOG.md section of that
// version, the GitHub release's notes (docs/releasing.md). Exits 1 when
// there is none.
import { readFileSync } from 'node:fs';
import { readReleaseNotes } from './release/read-release-notes.ts';

const version = (process.argv[2] ?? '').replace(/^v/, '');
const notes = readReleaseNotes({
  changelog: readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8'),
  version,
});
if (!notes) {
  console.error(`CHANGELOG.md has no notes for ${version || '(no version given)'}`);
  process.exit(1);
}
console.log(notes);
