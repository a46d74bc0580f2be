// Writes schema/shipwell.schema.json (the editor schema of .github/shipwell.yml)
// from the zod schema in src/config. `--check`: exit 1 when the committed file
// is not what the schema generates now.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderJsonSchema } from '../src/config/index.ts';

const target = fileURLToPath(new URL('../schema/shipwell.schema.json', import.meta.url));
const generated = renderJsonSchema();

if (process.argv.includes('--check')) {
  let committed: string | null = null;
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    committed = null;
  }
  if (committed !== generated) {
    const what = committed === null ? 'is missing' : 'differs from what src/config generates';
    console.error(`schema/shipwell.schema.json ${what}: run \`npm run schema\` and commit the result.`);
    process.exit(1);
  }
  console.log('schema/shipwell.schema.json is up to date.');
} else {
  writeFileSync(target, generated);
  console.log('wrote schema/shipwell.schema.json');
}
