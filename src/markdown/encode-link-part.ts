/**
 * A URL path part or query value, percent-encoded with the characters
 * encodeURIComponent leaves (parentheses would end a Markdown link).
 */
export function encodeLinkPart(text: string): string {
  return encodeURIComponent(text).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
