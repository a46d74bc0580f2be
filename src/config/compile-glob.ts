import { LinearRegex } from './linear-regex.ts';

/** Characters RE2 reads as syntax outside a class: written with a backslash when literal. */
const SPECIAL = /[\\.+*?()|[\]{}^$]/;

/** A glob Shipwell cannot read: the config error names its key. */
export class GlobError extends SyntaxError {
  override name = 'GlobError';
}

/**
 * Compiles a segment glob (docs/configuration.md, "Segments by glob") to an
 * RE2 regular expression matched in time linear in the name, whatever the
 * glob (`*a*a*a*a*a*a*a*b` included): `*` is any run of characters but `/`,
 * `?` one character but `/`, `**` as a whole path segment any run of
 * segments, `[…]` a class (`[!…]` or `[^…]` negated), `{a,b}` either
 * alternative (nested allowed), `\x` the character x, a leading `!` negates
 * the whole glob; case-insensitive, dots not special. Anything else is
 * literal. Parentheses and `|` (extglobs) are refused with a GlobError:
 * repository names never contain them.
 */
export function compileGlob(glob: string): { test(text: string): boolean } {
  const negated = glob.startsWith('!') && glob.length > 1;
  const body = negated ? glob.slice(1) : glob;
  let out = '';
  let braces = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const next = body[i + 1];
      if (next === undefined) throw new GlobError('a trailing \\ escapes nothing');
      out += SPECIAL.test(next) ? `\\${next}` : next;
      i += 1;
    } else if (c === '*') {
      let end = i;
      while (body[end + 1] === '*') end += 1;
      const wholeSegment =
        end > i && (i === 0 || body[i - 1] === '/') && (end === body.length - 1 || body[end + 1] === '/');
      if (!wholeSegment) out += '[^/]*';
      else if (body[end + 1] === '/') {
        out += '(?:.*/)?'; // `**/`: no segment, or any segments
        end += 1;
      } else if (i > 0)
        out = `${out.slice(0, -1)}(?:/.*)?`; // `/**` at the end: the folder itself too
      else out += '.*';
      i = end;
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = body.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let inner = body.slice(i + 1, close);
      const negate = inner.startsWith('!') || inner.startsWith('^');
      if (negate) inner = inner.slice(1);
      out += `[${negate ? '^/' : ''}${inner.replace(/\\?([\\[\]^])/g, '\\$1')}]`;
      i = close;
    } else if (c === '{') {
      braces += 1;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces -= 1;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else if (c === '(' || c === ')' || c === '|') {
      throw new GlobError(`\`${c}\` (extglob groups) is not supported; write alternatives as {a,b}`);
    } else {
      out += SPECIAL.test(c) ? `\\${c}` : c;
    }
  }
  if (braces > 0) throw new GlobError('a { is never closed');
  const regex = new LinearRegex(`(?is)^${out}$`);
  return negated ? { test: (text) => !regex.test(text) } : regex;
}
