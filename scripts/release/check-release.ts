import { readReleaseNotes } from './read-release-notes.ts';

/** What a release tag stands for, once checked. */
export interface CheckedRelease {
  version: string;
  major: number;
  prerelease: boolean;
}

const SEMVER = /^v(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;

/**
 * Checks that a tag can be released (docs/releasing.md): `vMAJOR.MINOR.PATCH`
 * (a prerelease `-rc.1` allowed), package.json and its lockfile at that
 * version, a dated CHANGELOG.md section for it with notes, and the JSON
 * Schema's `$id` at the major version's tag. Every problem is listed.
 */
export function checkRelease({
  tag,
  packageJson,
  packageLock,
  changelog,
  schema,
}: {
  tag: string;
  packageJson: string;
  packageLock: string;
  changelog: string;
  schema: string;
}): { ok: true; release: CheckedRelease } | { ok: false; problems: string[] } {
  const match = SEMVER.exec(tag);
  if (!match) return { ok: false, problems: [`tag ${tag}: expected vMAJOR.MINOR.PATCH, e.g. v1.2.0 or v1.2.0-rc.1`] };
  const version = tag.slice(1);
  const major = Number(match[1]);
  const problems: string[] = [];
  const pkg = JSON.parse(packageJson) as { version?: string };
  if (pkg.version !== version)
    problems.push(`package.json: version is ${pkg.version}, the tag says ${version} (npm version ${version})`);
  const lock = JSON.parse(packageLock) as { version?: string; packages?: Record<string, { version?: string }> };
  if (lock.version !== version || lock.packages?.['']?.version !== version) {
    problems.push(`package-lock.json: version is ${lock.version}, the tag says ${version} (npm version updates both)`);
  }
  const heading = changelog.split('\n').find((line) => line.startsWith(`## [${version}]`));
  if (heading === undefined) {
    problems.push(`CHANGELOG.md: no "## [${version}] - YYYY-MM-DD" section (rename "## [Unreleased]")`);
  } else {
    if (!/^## \[[^\]]+\] - \d{4}-\d{2}-\d{2}$/.test(heading)) {
      problems.push(`CHANGELOG.md: "${heading}": expected "## [${version}] - YYYY-MM-DD"`);
    }
    if (!readReleaseNotes({ changelog, version })) problems.push(`CHANGELOG.md: the ${version} section is empty`);
  }
  const id = (JSON.parse(schema) as { $id?: string }).$id ?? '';
  if (!id.includes(`/v${major}/`)) {
    problems.push(`schema/shipwell.schema.json: $id ${id} is not at the v${major} tag (SCHEMA_URL in src/config)`);
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, release: { version, major, prerelease: match[4] !== undefined } };
}
