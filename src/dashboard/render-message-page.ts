import { DASHBOARD_CSS } from './dashboard-styles.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * A small page in the dashboard's style for what is not a report: a bad query,
 * no org yet, a choice of orgs (`links`). Same stylesheet, so the same CSP.
 */
export function renderMessagePage({
  title,
  message,
  links = [],
}: {
  title: string;
  message: string;
  links?: readonly { href: string; text: string }[];
}): string {
  const list =
    links.length === 0
      ? ''
      : `<ul>${links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></li>`).join('')}</ul>`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(`Shipwell · ${title}`)}</title>`,
    `<style>${DASHBOARD_CSS}</style>`,
    '</head>',
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${list}</main></body>`,
    '</html>',
    '',
  ].join('\n');
}
