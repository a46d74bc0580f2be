import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/markdown/index.ts';
import { countUnescapedPipes } from './markdown-checks.ts';

describe('escapeMarkdown', () => {
  it('turns HTML into entities', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).not.toContain('<img');
    expect(escapeMarkdown('a & b &amp;')).toBe('a &amp; b &amp;amp;');
  });

  it('escapes links, images, emphasis, code, strikethrough and math', () => {
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(escapeMarkdown('![i](http://x)')).toBe('\\!\\[i\\]\\(http:\u200d//x\\)');
    expect(escapeMarkdown('**bold** _it_ ~~s~~ `code` $x$')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\$x\\$',
    );
  });

  it('escapes table pipes and backslashes so a cell stays one cell', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('a\\|b')).toBe('a\\\\\\|b');
    expect(countUnescapedPipes(escapeMarkdown('x \\| y || z\\'))).toBe(0);
  });

  it('keeps mentions from pinging with a zero-width joiner, leaves emails and issue refs readable', () => {
    expect(escapeMarkdown('ping @octocat and @acme/team')).toBe('ping @\u200doctocat and @\u200dacme/team');
    expect(escapeMarkdown('fixes #123')).toBe('fixes #123');
    expect(escapeMarkdown('a @ b')).toBe('a @ b');
  });

  it('keeps bare URLs from becoming links, readable', () => {
    expect(escapeMarkdown('see https://evil.example/x')).toBe('see https:\u200d//evil.example/x');
    expect(escapeMarkdown('HTTP://a.example and ftp://b.example')).toBe(
      'HTTP:\u200d//a.example and ftp:\u200d//b.example',
    );
    expect(escapeMarkdown('www.evil.example')).toBe('www\u200d.evil.example');
    expect(escapeMarkdown('1https://x.example 2www.x.example')).toBe('1https:\u200d//x.example 2www\u200d.x.example');
    expect(escapeMarkdown('v1.2: mail me')).toBe('v1.2: mail me');
  });

  it('leaves no autolink in text around URLs of every shape', () => {
    const url = fc.oneof(
      fc.webUrl({ validSchemes: ['http', 'https', 'ftp', 'HTTPS'] }),
      fc.domain().map((domain) => `www.${domain}`),
    );
    fc.assert(
      fc.property(fc.string(), url, fc.string(), (before, link, after) => {
        expect(escapeMarkdown(`${before}${link}${after}`)).not.toMatch(/(https?|ftps?):\/\/|www\./i);
      }),
    );
  });

  it('folds line breaks and control characters into spaces', () => {
    expect(escapeMarkdown('one\ntwo\r\nthree\u2028four\tfive')).toBe('one two three four five');
  });

  it('escapes block syntax only at the start of the text', () => {
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('#123 is fine')).toBe('#123 is fine');
    expect(escapeMarkdown('5.2.0')).toBe('5.2.0');
    expect(escapeMarkdown('v1-rc')).toBe('v1-rc');
  });

  it('never lets raw HTML, a line break, a cell separator, a mention or a bare URL through', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = escapeMarkdown(text);
        expect(out).not.toMatch(/[<>\n\r]/);
        expect(countUnescapedPipes(out)).toBe(0);
        expect(out).not.toMatch(/@[\p{L}\p{N}_-]/u);
        expect(out).not.toMatch(/(https?|ftps?):\/\/|www\./i);
        expect(out).not.toMatch(/(^|[^\\])(\\\\)*[[\]()`*_!~$|]/);
      }),
    );
  });
});
