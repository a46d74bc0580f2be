/**
 * The notes of `version` in CHANGELOG.md: the text under its heading
 * (`## [1.2.0] - 2026-11-30`) up to the next `## ` heading, trimmed; null
 * when the changelog has no such section.
 */
export function readReleaseNotes({ changelog, version }: { changelog: string; version: string }): string | null {
  const lines = changelog.split('\n');
  const heading = new RegExp(`^## \\[${version.replace(/[.+-]/g, '\\$&')}\\](\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1) return null;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join('\n')
    .trim();
}
