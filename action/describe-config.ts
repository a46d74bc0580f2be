import type { LoadedConfig } from '../src/config/index.ts';
import { escapeMarkdown } from '../src/markdown/index.ts';

/**
 * The job summary's word on the config: which file(s) it came from, or why
 * the defaults; when GitHub refused every file (the token's permissions), a
 * warning saying the report uses the defaults and what to grant instead.
 */
export function describeConfig(loaded: Pick<LoadedConfig, 'description' | 'files' | 'refused'>): string {
  const line = `<sub>Config: ${escapeMarkdown(loaded.description)}</sub>`;
  if (loaded.files.length > 0 || loaded.refused.length === 0) return line;
  const names = loaded.refused.map((r) => escapeMarkdown(r.name)).join(', ');
  return `> [!WARNING]\n> No config could be read (${names}): this report uses the defaults. Grant the token \`contents: read\` on the repository holding it, or pass a token that may read it as \`github-token\`.\n\n${line}`;
}
