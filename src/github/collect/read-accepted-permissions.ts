/** A header value of an Octokit RequestError's response, whatever its case. */
function headerOf(error: unknown, name: string): string | null {
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers;
  if (!headers || typeof headers !== 'object') return null;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return null;
}

/** `actions=read` → `actions: read`; a name or level that is not a plain word is not shown. */
const PAIR = /^\s*([a-z_]+)\s*=\s*([a-z_]+)\s*$/;

/**
 * What a 403 lacked, as GitHub's `x-accepted-github-permissions` header says
 * (`actions=read; contents=read`, alternatives separated by `;`), in the
 * `permissions:` block's words: `actions: read` (`a: read or b: read` for
 * alternatives). null when the answer has no such header (a token GitHub does
 * not describe, or not a 403 from GitHub).
 */
export function readAcceptedPermissions(error: unknown): string | null {
  const header = headerOf(error, 'x-accepted-github-permissions');
  if (header === null) return null;
  const alternatives = header
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((pair) => PAIR.exec(pair))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => `${m[1]}: ${m[2]}`)
        .join(', '),
    )
    .filter((text) => text !== '');
  return alternatives.length > 0 ? alternatives.join(' or ') : null;
}
