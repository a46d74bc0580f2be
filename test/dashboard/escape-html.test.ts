import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRunUrl, escapeHtml } from '../../src/dashboard/index.ts';

describe('escapeHtml', () => {
  it('leaves no character that could open a tag, an entity or end an attribute', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"'`]|&(?!(amp|lt|gt|quot|#39|#96);)/);
      }),
    );
  });

  it('is read back as the same text by an HTML entity decoder', () => {
    const decode = (html: string) =>
      html.replace(
        /&(amp|lt|gt|quot|#39|#96);/g,
        (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' })[name]!,
      );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decode(escapeHtml(text))).toBe(text);
      }),
    );
  });
});

describe('checkRunUrl', () => {
  const sha = 'ABCDEF0123456789abcdef0123456789abcdef01';

  it('links the commit checks page, on github.com or a GHE base', () => {
    expect(checkRunUrl({ repo: 'acme/api', sha })).toBe(
      `https://github.com/acme/api/commit/${sha.toLowerCase()}/checks`,
    );
    expect(checkRunUrl({ baseUrl: 'https://ghe.example.com//', repo: 'acme/api', sha })).toBe(
      `https://ghe.example.com/acme/api/commit/${sha.toLowerCase()}/checks`,
    );
  });

  it('falls back to the Actions runs page without a usable sha, and encodes the path', () => {
    expect(checkRunUrl({ repo: 'acme/api', sha: null })).toBe('https://github.com/acme/api/actions');
    expect(checkRunUrl({ repo: 'acme/a b', sha: '../../x' })).toBe('https://github.com/acme/a%20b/actions');
  });
});
