const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Makes any text inert in HTML and SVG, in element content and in quoted
 * attribute values alike: `& < > " ' \`` become entities. Every string the
 * dashboard writes that did not come from this module (tags, reasons, repo,
 * segment and org names, times, URLs) goes through here.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}
