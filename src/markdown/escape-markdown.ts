/** Characters that start Markdown syntax anywhere in a line, escaped with a backslash. */
const BACKSLASHED = /[\\`*_~[\]()!|$]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** Line breaks, other control characters and Unicode line/paragraph separators. */
const BREAKS = /[\p{Cc}\u2028\u2029]+/gu;
/** A mention (`@user`, `@org/team`) pings unless the `@` is kept from touching the name. */
const MENTION = /@(?=[\p{L}\p{N}_-])/gu;
/**
 * GFM's bare-URL autolinks: a scheme GitHub links (`https://`, `http://`,
 * `ftp://`) or `www.`. A zero-width joiner after the `:` (or between `www`
 * and its dot) keeps the text readable and the link dead.
 */
const URL_SCHEME = /(https?|ftps?):(?=\/\/)/giu;
const WWW = /(www)\./giu;
/** Syntax that only counts at the start of a line: heading, list item, thematic break. */
const LINE_START = /^(#{1,6}(?=\s|$)|[+-](?=\s|$|-)|\d{1,9}(?=[.)](\s|$)))/;

/**
 * Makes user-controlled text (tags, titles, reasons, repo and segment names)
 * inert in GitHub-flavoured Markdown, also inside a table cell: HTML becomes
 * entities, link/image/emphasis/code/math syntax and `|` are backslash-escaped,
 * `@mentions` get a zero-width joiner after the `@` (no ping), bare URLs
 * (`https://…`, `www.…`) one that breaks GFM's autolink, and line breaks
 * fold into spaces. `#123` issue references are left as they are. Never put
 * the result inside a code span: escapes are not read there.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(BREAKS, ' ')
    .replace(BACKSLASHED, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
    .replace(MENTION, '@\u200d')
    .replace(URL_SCHEME, '$1:\u200d')
    .replace(WWW, '$1\u200d.')
    .replace(LINE_START, (lead) => (/^\d/.test(lead) ? `${lead}\\` : `\\${lead}`));
}
