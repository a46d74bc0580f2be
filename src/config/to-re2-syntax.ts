const HEX4 = /^[0-9A-Fa-f]{4}$/;
const BRACED_HEX = /^\{([0-9A-Fa-f]{1,6})\}/;

/**
 * A JavaScript regular expression body (without slashes or flags) rewritten
 * in RE2's syntax where the two spell the same thing differently: `\uXXXX`
 * and `\u{X}` become `\x{X}`, `\cX` its control character, JavaScript's
 * empty class `[]` and any-character class `[^]` become ranges, and a `[`
 * inside a class is escaped (RE2 would read `[:alpha:]` there as a POSIX
 * class; JavaScript reads the characters). Everything else is left as
 * written: RE2 refuses what it cannot match in linear time (docs/kpis.md,
 * "Facts and where they come from").
 */
export function toRe2Syntax(body: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const next = body[i + 1];
      if (next === 'u') {
        const four = body.slice(i + 2, i + 6);
        const braced = BRACED_HEX.exec(body.slice(i + 2));
        if (HEX4.test(four)) {
          out += `\\x{${four}}`;
          i += 5;
          continue;
        }
        if (braced) {
          out += `\\x{${braced[1]}}`;
          i += 1 + braced[0].length;
          continue;
        }
      }
      if (next === 'c' && /^[A-Za-z]$/.test(body[i + 2] ?? '')) {
        out += `\\x{${(body.charCodeAt(i + 2) % 32).toString(16)}}`;
        i += 2;
        continue;
      }
      out += c + (next ?? '');
      i += 1;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
      continue;
    }
    if (c === '[') {
      if (body.startsWith('[]', i)) {
        out += '[^\\x{0}-\\x{10FFFF}]';
        i += 1;
        continue;
      }
      if (body.startsWith('[^]', i)) {
        out += '[\\x{0}-\\x{10FFFF}]';
        i += 2;
        continue;
      }
      inClass = true;
      out += body[i + 1] === '^' ? '[^' : '[';
      if (body[i + 1] === '^') i += 1;
      continue;
    }
    out += c;
  }
  return out;
}
