// Reads the chart marks of rendered dashboard HTML (no DOM in node tests):
// every element with data-series/data-period/data-value, in document order.

export interface ChartMark {
  chart: string;
  series: string;
  period: string | null;
  key: string | null;
  value: number | null;
}

function attr(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]!) : null;
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every mark with a data-series, tagged with the chart (the enclosing figure's id) it is in. */
export function readMarks(html: string): ChartMark[] {
  const marks: ChartMark[] = [];
  let chart = '';
  for (const match of html.matchAll(/<(figure|div|[a-z]+)\b[^>]*>/g)) {
    const tag = match[0];
    const id = attr(tag, 'id');
    if (tag.startsWith('<figure') || (tag.startsWith('<div') && id === 'metrics-tree')) chart = id ?? '';
    const series = attr(tag, 'data-series');
    const raw = attr(tag, 'data-value');
    if (series === null || raw === null) continue;
    marks.push({
      chart,
      series,
      period: attr(tag, 'data-period'),
      key: attr(tag, 'data-key'),
      value: raw === 'null' || raw === '' ? null : Number(raw),
    });
  }
  return marks;
}
