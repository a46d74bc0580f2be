/** The markers around Shipwell's section of a release body. */
export const SECTION_START = '<!-- shipwell:kpis:start -->';
export const SECTION_END = '<!-- shipwell:kpis:end -->';

/**
 * The release body with `section` between the markers: the text between an
 * existing pair is replaced (everything outside is kept byte for byte); when
 * there is none, the section is appended after a blank line. Splicing the
 * same section twice gives the same body.
 */
export function spliceReleaseSection(body: string | null, section: string): string {
  const text = body ?? '';
  const block = `${SECTION_START}\n${section.trim()}\n${SECTION_END}`;
  const start = text.indexOf(SECTION_START);
  const end = start === -1 ? -1 : text.indexOf(SECTION_END, start);
  if (start !== -1 && end !== -1) return `${text.slice(0, start)}${block}${text.slice(end + SECTION_END.length)}`;
  const kept = text.replace(/\s+$/, '');
  return kept === '' ? `${block}\n` : `${kept}\n\n${block}\n`;
}
