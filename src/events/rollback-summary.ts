/**
 * The summary of a `shipwell/rollback` check run (docs/kpis.md, "Facts and where they come from"; docs/kpis.md, "Rollbacks"):
 * `Release: TAG` and an optional `Reason: TEXT`, one line each. The Action
 * prints it; the normalizer reads it back.
 */
export interface RecordedRollback {
  tag: string | null;
  reason: string | null;
}

/** The name of the check run that records a rollback. */
export const ROLLBACK_CHECK = 'shipwell/rollback';

/** Line breaks of any kind (a reason must not start a line of its own). */
const BREAKS = /[\r\n\v\f\u0085\u2028\u2029]+/g;

/** One line of text: breaks folded to spaces, trimmed; empty → null. */
function oneLine(text: string | null): string | null {
  const line = text?.replace(BREAKS, ' ').trim() ?? '';
  return line === '' ? null : line;
}

/**
 * `Release: v1.2.0\nReason: payment errors`. Line breaks inside the tag or
 * reason are folded to spaces, so nothing can inject a second line; an empty
 * reason is left out.
 */
export function printRollbackSummary({ tag, reason }: RecordedRollback): string {
  const lines: string[] = [];
  const tagLine = oneLine(tag);
  const reasonLine = oneLine(reason);
  if (tagLine !== null) lines.push(`Release: ${tagLine}`);
  if (reasonLine !== null) lines.push(`Reason: ${reasonLine}`);
  return lines.join('\n');
}

/**
 * Reads the first `Release:` and the first `Reason:` line (values trimmed).
 * null when the summary has neither: it then names no release and no reason.
 */
export function parseRollbackSummary(summary: string): RecordedRollback | null {
  let tag: string | null = null;
  let reason: string | null = null;
  for (const line of summary.split(/\r\n|\r|\n/)) {
    if (tag === null && line.startsWith('Release:')) tag = oneLine(line.slice('Release:'.length));
    else if (reason === null && line.startsWith('Reason:')) reason = oneLine(line.slice('Reason:'.length));
  }
  return tag === null && reason === null ? null : { tag, reason };
}
