// Cutting a release (docs/releasing.md): the checks the release workflow
// runs on a tag, the notes it publishes, and the workflow's own wiring (it
// cannot run here: it needs GitHub, a registry and Docker).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkRelease } from '../../scripts/release/check-release.ts';
import { readReleaseNotes } from '../../scripts/release/read-release-notes.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const read = (file: string) => readFileSync(`${ROOT}${file}`, 'utf8');

const CHANGELOG = `# Changelog

## [Unreleased]

## [1.2.0] - 2026-11-30

### Added

- \`shipwell report --org\` shows progress.

## [1.1.0] - 2026-10-01

- Older.
`;
const schema = (major: number) =>
  JSON.stringify({ $id: `https://raw.githubusercontent.com/shipwell/shipwell/v${major}/schema/shipwell.schema.json` });
const manifest = (version: string) => JSON.stringify({ name: 'shipwell', version });
const lock = (version: string) => JSON.stringify({ version, packages: { '': { version } } });

describe('readReleaseNotes', () => {
  it("is the version's section of the changelog, without its heading", () => {
    expect(readReleaseNotes({ changelog: CHANGELOG, version: '1.2.0' })).toBe(
      '### Added\n\n- `shipwell report --org` shows progress.',
    );
    expect(readReleaseNotes({ changelog: CHANGELOG, version: '1.1.0' })).toBe('- Older.');
    expect(readReleaseNotes({ changelog: CHANGELOG, version: '1.3.0' })).toBeNull();
    // 1.2.0 is not 1.2.0-rc.1, nor 1x2y0
    expect(readReleaseNotes({ changelog: CHANGELOG.replace('[1.2.0]', '[1x2y0]'), version: '1.2.0' })).toBeNull();
  });
});

describe('checkRelease', () => {
  const inputs = (tag: string, version = '1.2.0', major = 1) => ({
    tag,
    packageJson: manifest(version),
    packageLock: lock(version),
    changelog: CHANGELOG,
    schema: schema(major),
  });

  it('accepts a tag that package.json, the lockfile, a dated changelog section and the schema agree with', () => {
    expect(checkRelease(inputs('v1.2.0'))).toEqual({
      ok: true,
      release: { version: '1.2.0', major: 1, prerelease: false },
    });
  });

  it('lists every disagreement', () => {
    const result = checkRelease({ ...inputs('v1.3.0'), schema: schema(2) });
    expect(result).toEqual({
      ok: false,
      problems: [
        'package.json: version is 1.2.0, the tag says 1.3.0 (npm version 1.3.0)',
        'package-lock.json: version is 1.2.0, the tag says 1.3.0 (npm version updates both)',
        'CHANGELOG.md: no "## [1.3.0] - YYYY-MM-DD" section (rename "## [Unreleased]")',
        'schema/shipwell.schema.json: $id https://raw.githubusercontent.com/shipwell/shipwell/v2/schema/shipwell.schema.json is not at the v1 tag (SCHEMA_URL in src/config)',
      ],
    });
    expect(checkRelease(inputs('1.2.0'))).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^tag 1\.2\.0: expected vMAJOR/)],
    });
    expect(checkRelease(inputs('v1'))).toMatchObject({ ok: false });
    const undated = { ...inputs('v1.2.0'), changelog: CHANGELOG.replace('## [1.2.0] - 2026-11-30', '## [1.2.0]') };
    expect(checkRelease(undated)).toMatchObject({
      ok: false,
      problems: ['CHANGELOG.md: "## [1.2.0]": expected "## [1.2.0] - YYYY-MM-DD"'],
    });
  });

  it('knows a prerelease', () => {
    const changelog = `${CHANGELOG}\n## [2.0.0-rc.1] - 2026-12-01\n\n- Candidate.\n`;
    expect(checkRelease({ ...inputs('v2.0.0-rc.1', '2.0.0-rc.1', 2), changelog })).toEqual({
      ok: true,
      release: { version: '2.0.0-rc.1', major: 2, prerelease: true },
    });
  });
});

describe('the repository', () => {
  it('has notes waiting for the next release, and the scripts say what is missing for a tag', () => {
    expect(readReleaseNotes({ changelog: read('CHANGELOG.md'), version: 'Unreleased' })).toMatch(/### Added/);
    const { version } = JSON.parse(read('package.json')) as { version: string };
    const check = spawnSync(process.execPath, ['scripts/check-release.ts', `v${version}`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`release v${version}: CHANGELOG.md: no "## [${version}] - YYYY-MM-DD" section`);
    const notes = spawnSync(process.execPath, ['scripts/release-notes.ts', 'Unreleased'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(notes.status).toBe(0);
    expect(notes.stdout).toContain('### Added');
    expect(read('LICENSE')).toMatch(/^MIT License/);
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('MIT');
  });
});

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions: Record<string, string>;
  container?: string;
  steps: Step[];
  outputs?: Record<string, string>;
}

describe('.github/workflows/release.yml', () => {
  const workflow = parse(read('.github/workflows/release.yml')) as {
    on: { push: { tags: string[] } };
    permissions: Record<string, string>;
    jobs: Record<'verify' | 'release' | 'image' | 'npm', Job>;
  };
  const { verify, release, image, npm } = workflow.jobs;
  const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');

  it('runs on version tags only, with no permission by default', () => {
    // GitHub's tag filters are globs: + repeats the class before it
    const patterns = workflow.on.push.tags.map(
      (glob) => new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`),
    );
    const matches = (tag: string) => patterns.some((pattern) => pattern.test(tag));
    expect(['v1.2.0', 'v10.0.3', 'v2.0.0-rc.1'].every(matches)).toBe(true);
    expect(['v1', 'v1.2', 'latest', '1.2.0'].some(matches)).toBe(false);
    expect(workflow.permissions).toEqual({});
  });

  it('checks the tag, the committed bundle and every test before anything is published', () => {
    expect(runs(verify)).toContain('node scripts/check-release.ts "$GITHUB_REF_NAME" >> "$GITHUB_OUTPUT"');
    expect(runs(verify)).toContain('npm run bundle:check');
    expect(runs(verify)).toContain('bash .ci/run');
    expect(verify.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(verify.outputs ?? {})).toEqual(['version', 'major', 'prerelease']);
    for (const job of [release, image]) expect(job.needs).toBe('verify');
    expect(npm.needs).toEqual(['verify', 'release']);
  });

  it("publishes the release with the changelog's notes and moves the major tag", () => {
    expect(runs(release)).toContain('node scripts/release-notes.ts "$VERSION" > "$RUNNER_TEMP/notes.md"');
    expect(runs(release)).toContain('gh release create "$GITHUB_REF_NAME" --verify-tag');
    expect(runs(release)).toContain('git push --force origin "refs/tags/v$MAJOR"');
    expect(release.steps.find((step) => step.run?.includes('refs/tags/v$MAJOR'))?.if).toBe(
      "needs.verify.outputs.prerelease == 'false'",
    );
    expect(release.permissions).toEqual({ contents: 'write' });
  });

  it('builds and pushes the image from the Dockerfile to ghcr.io, and publishes to npm only when asked', () => {
    const build = image.steps.find((step) => step.uses?.startsWith('docker/build-push-action@'));
    expect(build?.with).toMatchObject({ context: '.', push: true });
    expect(existsSync(`${ROOT}Dockerfile`)).toBe(true);
    expect(image.steps.find((step) => step.uses?.startsWith('docker/login-action@'))?.with?.registry).toBe('ghcr.io');
    expect(image.permissions).toEqual({ contents: 'read', packages: 'write' });
    expect(npm.if).toBe("vars.NPM_PUBLISH == 'true'");
    expect(runs(npm)).toContain('npm publish --provenance');
  });

  it('runs only scripts that exist', () => {
    const all = Object.values(workflow.jobs).map(runs).join('\n');
    for (const [, script] of all.matchAll(/(?:node|bash) ((?:scripts|\.ci)\/[\w./-]+)/g)) {
      expect(existsSync(`${ROOT}${script}`), script).toBe(true);
    }
  });
});
