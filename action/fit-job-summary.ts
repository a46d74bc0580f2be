/** GitHub's limit for one step's job summary, in bytes. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024;

/** The Markdown report fits the 1 MiB job summary even at 3 bytes per UTF-16 unit. */
export const REPORT_MARKDOWN_LIMIT = 300_000;

/**
 * Joins summary parts (blank line between) and keeps the result within the
 * job summary limit: parts past the limit are left out with a visible note.
 */
export function fitJobSummary(parts: readonly string[]): string {
  const kept: string[] = [];
  let bytes = 0;
  const note = '\n\n_… the rest of this summary was cut to fit GitHub’s 1 MiB job-summary limit._\n';
  for (const part of parts.filter((p) => p.trim() !== '')) {
    const size = Buffer.byteLength(`${part}\n\n`);
    if (bytes + size + Buffer.byteLength(note) > JOB_SUMMARY_LIMIT) return `${kept.join('\n\n')}${note}`;
    kept.push(part.trimEnd());
    bytes += size;
  }
  return `${kept.join('\n\n')}\n`;
}
